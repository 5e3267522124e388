/**
 * Chooses and starts the page's one TF.js backend: WebGPU on a hardware adapter, else WASM,
 * else CPU. WebGPU's and CPU's code is imported only when tried, so a WASM-only page never
 * downloads the WebGPU backend. A backend that fails to start, or computes a wrong answer on a
 * first real kernel, is dropped for the next one with a single console warning.
 */
import * as tf from '@tensorflow/tfjs-core';
// WASM is where nearly every page runs, so its code comes with the runtime (in the worker, with
// the worker's other modules); WebGPU and CPU stay lazy: only some pages use them.
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { configuredBackend, type BackendName, type BackendPreference } from './config.js';
import { pageRegistry } from './page-registry.js';
import { wasmBinaryUrls } from './wasm-binaries.js';
import { adapterKey, cachedChoice, type GpuAdapterLike } from './backend-choice.js';

// Production mode: TF.js skips debug checks, and a second TF.js on the page (another copy of this
// package, whose modules share TF.js's global engine) does not warn that the platform is set again.
tf.env().set('PROD', true);

export interface RuntimeInfo {
  backend: BackendName;
  /** Why a preferred backend was skipped or dropped, for the element's status line. */
  notes: string[];
  /** `auto` started on WASM beside a WebGPU adapter it has not measured yet (its cache key). */
  measureOn?: string;
}

export interface RuntimeOptions {
  /** Tests only: measure a software adapter as if it were hardware (see backend-choice.ts). */
  measureSoftwareAdapter?: boolean;
}

/**
 * Starts the runtime once per page. The first caller's preference decides (after `configure()`);
 * later callers, from this copy of the package or another one on the page, get the same runtime
 * and can report what is active.
 */
export function initRuntime(
  preference: BackendPreference = 'auto',
  options: RuntimeOptions = {},
): Promise<RuntimeInfo> {
  const registry = pageRegistry();
  registry.runtime ??= startRuntime(configuredBackend() ?? preference, options).catch(
    (error: unknown) => {
      // Nothing could start (a network blip took every backend's code): the next element tries again.
      registry.runtime = undefined;
      throw error;
    },
  );
  return registry.runtime as Promise<RuntimeInfo>;
}

export function activeBackendName(): BackendName | null {
  const name = tf.getBackend() as string | undefined;
  return name === 'webgpu' || name === 'wasm' || name === 'cpu' ? name : null;
}

async function startRuntime(
  preference: BackendPreference,
  options: RuntimeOptions,
): Promise<RuntimeInfo> {
  const notes: string[] = [];
  let measureOn: string | undefined;
  let candidates: BackendName[];
  if (preference === 'auto') {
    ({ candidates, measureOn } = await autoCandidates(notes, options));
  } else {
    candidates =
      preference === 'webgpu'
        ? ['webgpu', 'wasm', 'cpu']
        : preference === 'wasm'
          ? ['wasm', 'cpu']
          : ['cpu'];
  }

  for (const name of candidates) {
    try {
      if (name === 'webgpu' && preference === 'webgpu') {
        const skip = await reasonWebGpuIsMissing();
        if (skip) {
          notes.push(skip);
          continue;
        }
      }
      await startBackend(name);
      return { backend: name, notes, ...(measureOn && name === 'wasm' ? { measureOn } : {}) };
    } catch (error) {
      const message = `${name} backend unavailable (${error instanceof Error ? error.message : String(error)}); trying the next one`;
      console.warn(`generative-elements: ${message}`);
      notes.push(message);
      // findBackend() would start the failed backend's initialisation again (a second .wasm
      // download racing the next backend's start); look at the factory only.
      if (tf.findBackendFactory(name)) tf.removeBackend(name);
    }
  }
  throw new Error('No TF.js backend could start (WebGPU, WASM and CPU all failed).');
}

/**
 * Registers and starts one backend. WASM gets a second try: its binary is one download, and a
 * blip on it would otherwise leave the page on the CPU backend, about 30 times slower.
 */
async function startBackend(name: BackendName): Promise<void> {
  const attempts = name === 'wasm' ? 2 : 1;
  for (let attempt = 1; ; attempt++) {
    try {
      await registerBackend(name);
      if (!(await tf.setBackend(name))) throw new Error(`${name} backend failed to initialise`);
      await checkFirstKernel();
      return;
    } catch (error) {
      if (attempt >= attempts) throw error;
      if (tf.findBackendFactory(name)) tf.removeBackend(name);
    }
  }
}

/**
 * Where `auto` starts: WASM, unless an earlier visit measured WebGPU faster on this adapter. A
 * hardware adapter not measured yet is named in `measureOn`; a software one (SwiftShader) is
 * passed over without measuring, as it is far slower than WASM.
 */
async function autoCandidates(
  notes: string[],
  options: RuntimeOptions,
): Promise<{ candidates: BackendName[]; measureOn?: string }> {
  const fallback: BackendName[] = ['wasm', 'cpu'];
  const gpu = (
    navigator as Navigator & { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } }
  ).gpu;
  const adapter = gpu ? await gpu.requestAdapter().catch(() => null) : null;
  if (!adapter) return { candidates: fallback };
  if (isSoftwareAdapter(adapter) && !options.measureSoftwareAdapter) {
    notes.push(
      'skipped the software WebGPU adapter (much slower than WASM here); set backend="webgpu" to force it',
    );
    return { candidates: fallback };
  }
  const key = adapterKey(adapter);
  const cached = await cachedChoice(key);
  if (cached === 'webgpu') return { candidates: ['webgpu', ...fallback] };
  return { candidates: fallback, ...(cached ? {} : { measureOn: key }) };
}

/** Why a forced `webgpu` cannot start here, if it cannot (any adapter, even a software one, will do). */
async function reasonWebGpuIsMissing(): Promise<string | null> {
  const gpu = (
    navigator as Navigator & { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } }
  ).gpu;
  if (!gpu) return 'no WebGPU in this browser';
  const adapter = await gpu.requestAdapter().catch(() => null);
  return adapter ? null : 'no WebGPU adapter';
}

export function isSoftwareAdapter(adapter: GpuAdapterLike): boolean {
  const info = adapter.info ?? {};
  const text = `${info.architecture ?? ''} ${info.description ?? ''} ${info.vendor ?? ''}`;
  return Boolean(
    adapter.isFallbackAdapter ||
    info.isFallbackAdapter ||
    /swiftshader|llvmpipe|software/i.test(text),
  );
}

/** The WASM backend's factory, kept to register it again after a start that failed. */
let wasmFactory: Parameters<typeof tf.registerBackend>[1] | undefined;

/** Loads and registers a backend's code (once); `tf.setBackend` can then switch to it. */
export async function registerBackend(name: BackendName): Promise<void> {
  if (name === 'wasm') {
    // Once: after a failed start, TF.js refuses new paths (and keeps the ones set).
    if (!wasmFactory) setWasmPaths(wasmBinaryUrls());
    wasmFactory ??= tf.findBackendFactory('wasm') ?? undefined;
    if (!tf.findBackendFactory('wasm') && wasmFactory) tf.registerBackend('wasm', wasmFactory);
    return;
  }
  if (tf.findBackendFactory(name)) return;
  if (name === 'webgpu') {
    await import('@tensorflow/tfjs-backend-webgpu');
  } else {
    await import('@tensorflow/tfjs-backend-cpu');
  }
}

/** A backend can start and still fail on its first real op; check one with a known answer. */
async function checkFirstKernel(): Promise<void> {
  const product = tf.tidy(() =>
    tf.matMul(tf.tensor2d([1, 2, 3, 4], [2, 2]), tf.tensor2d([1, 1], [2, 1])),
  );
  try {
    const values = await product.data();
    if (values[0] !== 3 || values[1] !== 7)
      throw new Error(`first kernel gave [${Array.from(values).join(', ')}], expected [3, 7]`);
  } finally {
    product.dispose();
  }
}
