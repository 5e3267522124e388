/**
 * Starting the page's models worker: from the package's own files (or a copy named by
 * `configure({ assetBase })`), waiting until its modules have loaded, and trying again in a fresh
 * worker after a network blip. Where none can start, connection.ts runs the host in the page.
 */
import { pageRegistry } from '../runtime/page-registry.js';
import type { Reply } from './protocol.js';

const WORKER_OPTIONS: WorkerOptions = { type: 'module', name: 'generative-elements' };
const WORKER_FILE = 'model-worker.js';

/**
 * The worker from the package's own files. The literal `new Worker(new URL('./…',
 * import.meta.url), …)` is the form Vite and webpack recognise and bundle. A copy of `dist/` named
 * by `configure({ assetBase })` has the worker beside its other files; one on another origin (a
 * CDN) is started through a same-origin module that imports it, as browsers allow no cross-origin
 * worker script.
 */
function createWorker(): Worker {
  const base = pageRegistry().settings.assetBase;
  if (base) return new Worker(sameOriginScript(new URL(WORKER_FILE, base)), WORKER_OPTIONS);
  try {
    return new Worker(new URL('./model-worker.js', import.meta.url), {
      type: 'module',
      name: 'generative-elements',
    });
  } catch (error) {
    const url = new URL(WORKER_FILE, import.meta.url);
    if (url.origin === location.origin) throw error;
    return new Worker(sameOriginScript(url), WORKER_OPTIONS);
  }
}

function sameOriginScript(url: URL): string {
  if (url.origin === location.origin) return url.href;
  const trampoline = `import ${JSON.stringify(url.href)};`;
  return URL.createObjectURL(new Blob([trampoline], { type: 'text/javascript' }));
}

/**
 * Waits between attempts to start the worker. A module that failed to load stays failed for the
 * worker that asked for it (the browser keeps the failure in that worker's module map), so a blip
 * on the network heals only in a new worker, which asks the server again for its script and each
 * of its modules.
 */
const WORKER_RETRY_DELAYS_MS = [250, 500, 1000, 1000, 2000, 2000, 4000];

/** The worker, once its modules have loaded; undefined where none can start. */
export async function startWorker(): Promise<Worker | undefined> {
  if (typeof Worker !== 'function') return undefined;
  for (let attempt = 0; ; attempt++) {
    const outcome = await tryWorker();
    if (typeof outcome !== 'string') return outcome;
    // A policy that forbids the worker will forbid it again; a slow network would only get slower.
    const delay = WORKER_RETRY_DELAYS_MS[attempt];
    if (outcome !== 'failedToLoad' || delay === undefined) return undefined;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

/** One worker, or why it did not start: refused by the page's policy, failed to load, too slow. */
async function tryWorker(): Promise<Worker | 'refused' | 'failedToLoad' | 'timedOut'> {
  let refusedByPolicy = false;
  const onViolation = (event: SecurityPolicyViolationEvent) => {
    if (/^(worker|script|child|default)-src/.test(event.effectiveDirective)) refusedByPolicy = true;
  };
  globalThis.document?.addEventListener('securitypolicyviolation', onViolation);
  let worker: Worker;
  try {
    worker = createWorker();
  } catch {
    globalThis.document?.removeEventListener('securitypolicyviolation', onViolation);
    return 'refused'; // a CSP or Trusted Types refused it
  }
  const outcome = await new Promise<'loaded' | 'failedToLoad' | 'timedOut'>((resolve) => {
    const timeout = pageRegistry().settings.fetchTimeoutMs ?? 30000;
    const timer = setTimeout(() => finish('timedOut'), timeout);
    const onMessage = (event: MessageEvent<Reply>) => {
      if (event.data?.id !== 0) return;
      finish('loaded');
    };
    const onError = (event: Event) => {
      event.preventDefault();
      finish('failedToLoad');
    };
    const finish = (result: 'loaded' | 'failedToLoad' | 'timedOut') => {
      clearTimeout(timer);
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      resolve(result);
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
  });
  // The violation event may come a task after the worker's error event.
  if (outcome === 'failedToLoad') await new Promise((resolve) => setTimeout(resolve, 0));
  globalThis.document?.removeEventListener('securitypolicyviolation', onViolation);
  if (outcome === 'loaded') return worker;
  worker.terminate();
  return refusedByPolicy ? 'refused' : outcome;
}
