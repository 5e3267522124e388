/**
 * `auto` on a hardware WebGPU adapter: which backend is faster for this page's models is
 * measured, not assumed. The page starts on WASM; once it has shown its first output, one
 * representative step of each live model is timed on WASM and on WebGPU, and the runtime moves to
 * WebGPU only if it is faster there. The answer is kept per adapter in IndexedDB, so the next visit
 * starts on the winner without measuring again.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BackendName } from './config.js';

export interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: {
    isFallbackAdapter?: boolean;
    architecture?: string;
    description?: string;
    vendor?: string;
    device?: string;
  };
}

export interface BackendMeasurement {
  adapter: string;
  /** Median milliseconds of the representative steps, per backend. */
  ms: Partial<Record<BackendName, number>>;
  winner: BackendName;
}

/** A stable name for an adapter: the cache's key. */
export function adapterKey(adapter: GpuAdapterLike): string {
  const info = adapter.info ?? {};
  return [info.vendor, info.architecture, info.device, info.description]
    .map((part) => part ?? '')
    .join('|');
}

/**
 * Times `step` (which runs the page's models once and waits for the result) on each backend,
 * leaves the runtime on the fastest, and remembers the choice for `adapter`.
 */
export async function measureBackends(
  adapter: string,
  backends: BackendName[],
  step: () => Promise<void>,
): Promise<BackendMeasurement> {
  const start = tf.getBackend() as BackendName;
  const ms: Partial<Record<BackendName, number>> = {};
  for (const name of backends) {
    if (!(await tf.setBackend(name))) continue;
    await step(); // the first run compiles shaders and moves the weights: not counted
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      await step();
      times.push(performance.now() - started);
    }
    ms[name] = times.sort((a, b) => a - b)[1];
  }
  const measured = Object.entries(ms) as [BackendName, number][];
  const winner = measured.length
    ? measured.reduce((best, next) => (next[1] < best[1] ? next : best))[0]
    : start;
  await tf.setBackend(winner);
  await storeChoice(adapter, winner);
  return { adapter, ms, winner };
}

const DATABASE = 'generative-elements';
const STORE = 'backend-choice';

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** The backend measured fastest on this adapter on an earlier visit, if any. */
export async function cachedChoice(adapter: string): Promise<BackendName | undefined> {
  if (typeof indexedDB === 'undefined') return undefined;
  try {
    const database = await openDatabase();
    try {
      return await new Promise((resolve, reject) => {
        const request = database.transaction(STORE).objectStore(STORE).get(adapter);
        request.onsuccess = () => resolve(request.result as BackendName | undefined);
        request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
      });
    } finally {
      database.close();
    }
  } catch {
    return undefined; // private mode or a blocked database: measure again next time
  }
}

async function storeChoice(adapter: string, winner: BackendName): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  try {
    const database = await openDatabase();
    await new Promise<void>((resolve, reject) => {
      const transaction = database.transaction(STORE, 'readwrite');
      transaction.objectStore(STORE).put(winner, adapter);
      transaction.oncomplete = () => resolve();
      transaction.onerror = () =>
        reject(transaction.error ?? new Error('IndexedDB request failed'));
    });
    database.close();
  } catch {
    // Not remembered: the next visit measures again.
  }
}
