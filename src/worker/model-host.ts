/**
 * The worker's side of the connection: it starts the runtime, keeps the models behind the
 * page's handles, runs the calls, and streams a training's progress back. The same host runs in
 * the page when no worker can start (connection.ts), so both paths share every line here.
 */
import * as tf from '@tensorflow/tfjs-core';
import { initRuntime, registerBackend, type RuntimeInfo } from '../runtime/backend.js';
import { measureBackends } from '../runtime/backend-choice.js';
import { configure } from '../runtime/config.js';
import { loadArtifacts, saveArtifacts } from '../runtime/weights-io.js';
import { serializeError } from './errors.js';
import { convertImages } from './image-service.js';
import { serve, Transfer, type ServedModel, type TrainingCallbacks } from './served-models.js';
import {
  IMAGE_SERVICE,
  type BackendMeasurement,
  type Reply,
  type Request,
  type RuntimeSettings,
} from './protocol.js';

export type Send = (reply: Reply, transfer: Transferable[]) => void;

interface Held {
  served: ServedModel;
  /** Calls still running on this model: a release waits for them. */
  running: Set<Promise<unknown>>;
}

interface Training {
  controller: AbortController;
}

export class ModelHost {
  private readonly held = new Map<number, Held>();
  private readonly trainings = new Map<number, Training>();
  /** Bundled weights downloading since a `prefetch`, by source, until a load takes them. */
  private readonly prefetched = new Map<string, Promise<tf.io.ModelArtifacts | undefined>>();
  private runtime: RuntimeInfo | undefined;

  /** `applySettings`: the worker copies the page's settings; a host in the page already has them. */
  constructor(
    private readonly send: Send,
    private readonly options: { applySettings: boolean },
  ) {}

  receive(request: Request): void {
    switch (request.type) {
      case 'start':
        void this.answer(request.id, async () => {
          this.applySettings(request.settings);
          this.runtime = await initRuntime(request.settings.backend, {
            measureSoftwareAdapter: request.settings.measureSoftwareAdapter,
          });
          return this.runtime;
        });
        return;
      case 'create':
        void this.answer(request.id, () => {
          const served = serve(request.kind, request.args, (handle) => this.model(handle));
          this.held.set(request.handle, { served, running: new Set() });
          return served.info();
        });
        return;
      case 'call':
        this.call(request);
        return;
      case 'abort':
        this.trainings.get(request.id)?.controller.abort();
        return;
      case 'release':
        void this.release(request.handle);
        return;
      case 'measure':
        void this.answer(request.id, () => this.measure());
        return;
      case 'prefetch':
        for (const source of request.sources) {
          const key = JSON.stringify(source);
          // A failure here is not reported: the load that needs these files fetches them again.
          if (!this.prefetched.has(key))
            this.prefetched.set(
              key,
              loadArtifacts(source).catch(() => undefined),
            );
        }
        return;
      case 'memory':
        void this.answer(request.id, () => {
          // Before the runtime starts there are no tensors (and no backend to ask).
          if (!this.runtime) return { numTensors: 0, numBytes: 0 };
          const { numTensors, numBytes } = tf.memory();
          return { numTensors, numBytes };
        });
        return;
    }
  }

  /**
   * `auto` beside an unmeasured WebGPU adapter: times one representative step of every live
   * model on WASM and on WebGPU, and stays on the faster. Once per page; null if nothing to do.
   */
  private async measure(): Promise<BackendMeasurement | null> {
    const adapter = this.runtime?.measureOn;
    const steps = [...this.held.values()].flatMap(({ served }) =>
      served.benchmark ? [served.benchmark] : [],
    );
    if (!adapter || steps.length === 0) return null;
    this.runtime!.measureOn = undefined;
    await registerBackend('webgpu');
    const result = await measureBackends(adapter, ['wasm', 'webgpu'], async () => {
      for (const step of steps) await step();
    });
    this.runtime!.backend = result.winner;
    return result;
  }

  /** The page's settings, copied into the worker's registry (a host in the page has them already). */
  private applySettings(settings: Partial<RuntimeSettings> | undefined): void {
    if (!this.options.applySettings || !settings) return;
    configure({
      ...(settings.backend ? { backend: settings.backend } : {}),
      ...(settings.assetBase ? { assetBase: settings.assetBase } : {}),
      ...(settings.fetchTimeoutMs ? { fetchTimeoutMs: settings.fetchTimeoutMs } : {}),
    });
  }

  private model(handle: number): unknown {
    const held = this.held.get(handle);
    if (!held) throw new Error('This model has been released.');
    return held.served.model;
  }

  private call(request: Extract<Request, { type: 'call' }>): void {
    if (request.handle === IMAGE_SERVICE) {
      void this.answer(request.id, () => convertImages(request.method, request.args));
      return;
    }
    const held = this.held.get(request.handle);
    const work = this.answer(request.id, () => {
      if (!held) throw new Error('This model has been released.');
      const { served } = held;
      const args = request.args as never[];
      const call = args as never;
      switch (request.method) {
        case 'loadWeights':
          this.applySettings(args[1]);
          return this.loadWeights(served, args[0]);
        case 'setWeights':
          return served.model.setWeights(args[0]).then(() => served.info());
        case 'getWeights':
          return served.model.getWeights().then((artifacts) => {
            const data = (artifacts as { weightData?: ArrayBuffer }).weightData;
            return data ? new Transfer(artifacts, [data]) : artifacts;
          });
        case 'saveWeights':
          return served.model
            .getWeights()
            .then((artifacts) => saveArtifacts(artifacts as never, args[0] as string));
        case 'info':
          return served.info();
      }
      const method = served.methods[request.method];
      if (!method) throw new TypeError(`No method ${request.method} on this model.`);
      return method(call, request.training && this.trainingCallbacks(request));
    });
    if (held) {
      held.running.add(work);
      void work.finally(() => held.running.delete(work));
    }
  }

  private async loadWeights(served: ServedModel, source: never): Promise<unknown> {
    const key = JSON.stringify(source);
    const early = this.prefetched.get(key);
    this.prefetched.delete(key);
    const artifacts =
      (early && (await early)) ??
      (await loadArtifacts(source, { maxBytes: served.model.weightBytes }));
    await served.model.setWeights(artifacts as never);
    return served.info();
  }

  /** A training's signal and progress, each one a message to or from the page. */
  private trainingCallbacks(request: Extract<Request, { type: 'call' }>): TrainingCallbacks {
    const training: Training = { controller: new AbortController() };
    this.trainings.set(request.id, training);
    const { signal } = training.controller;
    return {
      signal,
      ...(request.training!.progress
        ? {
            onProgress: (progress: unknown) =>
              this.send({ type: 'progress', id: request.id, progress }, []),
          }
        : {}),
    };
  }

  /** Runs `work` and sends its value or its error as the answer to request `id`. */
  private answer(id: number, work: () => unknown): Promise<void> {
    return (async () => {
      try {
        const value = await work();
        if (value instanceof Transfer) {
          this.send({ type: 'result', id, value: value.value }, value.buffers as ArrayBuffer[]);
        } else {
          this.send({ type: 'result', id, value }, []);
        }
      } catch (error) {
        this.send({ type: 'error', id, error: serializeError(error) }, []);
      } finally {
        this.trainings.delete(id);
      }
    })();
  }

  private async release(handle: number): Promise<void> {
    const held = this.held.get(handle);
    if (!held) return;
    this.held.delete(handle);
    await Promise.allSettled([...held.running]);
    held.served.model.dispose();
  }
}
