/**
 * Chooses and starts the page's one TF.js backend: WebGPU on a hardware adapter, else WASM,
 * else CPU. Each backend's code is imported only when it is tried, so a WASM-only page never
 * downloads the WebGPU backend. A backend that fails to start, or computes a wrong answer on a
 * first real kernel, is dropped for the next one with a single console warning.
 */
import * as tf from '@tensorflow/tfjs-core';
import { configuredBackend, type BackendName, type BackendPreference } from './config.js';
import { pageRegistry } from './page-registry.js';
import { wasmBinaryUrls } from './wasm-binaries.js';

// Production mode: TF.js skips debug checks, and a second TF.js on the page (another copy of this
// package, whose modules share TF.js's global engine) does not warn that the platform is set again.
tf.env().set('PROD', true);

export interface RuntimeInfo {
  backend: BackendName;
  /** Why a preferred backend was skipped or dropped, for the element's status line. */
  notes: string[];
}

/**
 * Starts the runtime once per page. The first caller's preference decides (after `configure()`);
 * later callers, from this copy of the package or another one on the page, get the same runtime
 * and can report what is active.
 */
export function initRuntime(preference: BackendPreference = 'auto'): Promise<RuntimeInfo> {
  const registry = pageRegistry();
  registry.runtime ??= startRuntime(configuredBackend() ?? preference).catch((error: unknown) => {
    // Nothing could start (a network blip took every backend's code): the next element tries again.
    registry.runtime = undefined;
    throw error;
  });
  return registry.runtime as Promise<RuntimeInfo>;
}

export function activeBackendName(): BackendName | null {
  const name = tf.getBackend() as string | undefined;
  return name === 'webgpu' || name === 'wasm' || name === 'cpu' ? name : null;
}

async function startRuntime(preference: BackendPreference): Promise<RuntimeInfo> {
  const notes: string[] = [];
  const candidates: BackendName[] =
    preference === 'auto' || preference === 'webgpu'
      ? ['webgpu', 'wasm', 'cpu']
      : preference === 'wasm'
        ? ['wasm', 'cpu']
        : ['cpu'];

  for (const name of candidates) {
    try {
      if (name === 'webgpu') {
        const skip = await reasonToSkipWebGpu(preference === 'webgpu');
        if (skip) {
          if (preference === 'webgpu' || !skip.startsWith('no WebGPU')) notes.push(skip);
          continue;
        }
      }
      await registerBackend(name);
      if (!(await tf.setBackend(name))) throw new Error(`${name} backend failed to initialise`);
      await checkFirstKernel();
      return { backend: name, notes };
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

/** WebGPU is used on a hardware adapter; a software fallback (SwiftShader) only when forced. */
async function reasonToSkipWebGpu(forced: boolean): Promise<string | null> {
  const gpu = (
    navigator as Navigator & { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } }
  ).gpu;
  if (!gpu) return 'no WebGPU in this browser';
  const adapter = await gpu.requestAdapter().catch(() => null);
  if (!adapter) return 'no WebGPU adapter';
  if (!forced && isSoftwareAdapter(adapter)) {
    return 'skipped the software WebGPU adapter (much slower than WASM here); set backend="webgpu" to force it';
  }
  return null;
}

interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: {
    isFallbackAdapter?: boolean;
    architecture?: string;
    description?: string;
    vendor?: string;
  };
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

async function registerBackend(name: BackendName): Promise<void> {
  if (tf.findBackendFactory(name)) return;
  if (name === 'webgpu') {
    await import('@tensorflow/tfjs-backend-webgpu');
  } else if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths(wasmBinaryUrls());
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
      throw new Error(`first kernel gave [${Array.from(values)}], expected [3, 7]`);
  } finally {
    product.dispose();
  }
}
