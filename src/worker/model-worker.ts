/**
 * The page's models worker: one per page, started by connection.ts as a module worker. TF.js,
 * the models and their training loops live here, so the page never waits for them.
 */
import { ModelHost } from './model-host.js';
import type { Request } from './protocol.js';
// Loaded with the worker, not when first needed: every module comes at once, and a module lost to
// a network blip fails the worker's start (which connection.ts retries in a fresh worker) instead
// of failing later in a worker that can never load it again. (The WASM backend comes the same
// way, through backend.ts.)
import '@tensorflow/tfjs-core/dist/register_all_gradients';

// Inside a worker, the global scope posts and receives the page's messages.
const host = new ModelHost((reply, transfer) => postMessage(reply, { transfer }), {
  applySettings: true,
});
addEventListener('message', (event: MessageEvent<Request>) => host.receive(event.data));
// Tells the page this worker's modules have loaded (a blocked or missing worker never says it).
postMessage({ type: 'result', id: 0, value: 'loaded' });
