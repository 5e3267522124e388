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
import { IMAGE_CONVERSIONS } from './image-service.js';
import {
  SERVED_MODELS,
  Transfer,
  type ModelLookup,
  type ServedModel,
  type TrainingCallbacks,
} from './served-models.js';
import type { TrainingProgress } from '../runtime/step-loop.js';
import { artifactsFromPage } from '../runtime/weights-format.js';
import type { BundledWeights, WeightsArtifacts, WeightsSource } from '../runtime/weights-source.js';
import type { WeightsCalls } from './served-types.js';
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
          const lookup: ModelLookup = (handle) => this.held.get(handle)?.served.model;
          const factory: MessageCall<ServedModel> = { run: SERVED_MODELS[request.kind] };
          const served = factory.run(lookup, ...request.args);
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

  private call(request: Extract<Request, { type: 'call' }>): void {
    if (request.handle === IMAGE_SERVICE) {
      void this.answer(request.id, () => {
        const conversion = ownMethod(IMAGE_CONVERSIONS, request.method);
        if (!conversion) throw new TypeError(`No image conversion ${request.method}.`);
        return conversion.run(request.args);
      });
      return;
    }
    const held = this.held.get(request.handle);
    const work = this.answer(request.id, () => {
      if (!held) throw new Error('This model has been released.');
      const { served } = held;
      const weightsCall = ownMethod(this.weightsCalls, request.method);
      if (weightsCall) return weightsCall.run(request.args, served);
      const method = ownMethod(served.methods, request.method);
      if (!method) throw new TypeError(`No method ${request.method} on this model.`);
      return method.run(request.args, request.training && this.trainingCallbacks(request));
    });
    if (held) {
      held.running.add(work);
      void work.finally(() => held.running.delete(work));
    }
  }

  /** The calls every model answers (served-types.ts types them for the page). */
  private readonly weightsCalls = {
    loadWeights: async (
      [source, settings]: [WeightsSource | BundledWeights, Partial<RuntimeSettings>],
      served: ServedModel,
    ) => {
      this.applySettings(settings);
      const key = JSON.stringify(source);
      const early = this.prefetched.get(key);
      this.prefetched.delete(key);
      const artifacts =
        (early && (await early)) ??
        (await loadArtifacts(source, { maxBytes: served.model.weightBytes }));
      await served.model.setWeights(artifacts);
      return served.info();
    },
    setWeights: async ([weights]: [WeightsArtifacts], served: ServedModel) => {
      await served.model.setWeights(artifactsFromPage(weights));
      return served.info();
    },
    getWeights: async (_: [], served: ServedModel) => {
      const artifacts = await served.model.getWeights();
      const data = artifacts.weightData;
      return data instanceof ArrayBuffer ? new Transfer(artifacts, [data]) : artifacts;
    },
    saveWeights: async ([url]: [string], served: ServedModel) =>
      saveArtifacts(await served.model.getWeights(), url),
  } satisfies HostWeightsCalls;

  /** A training's signal and progress, each one a message to or from the page. */
  private trainingCallbacks(request: Extract<Request, { type: 'call' }>): TrainingCallbacks {
    const training: Training = { controller: new AbortController() };
    this.trainings.set(request.id, training);
    const { signal } = training.controller;
    return {
      signal,
      ...(request.training!.progress
        ? {
            onProgress: (progress: TrainingProgress) =>
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
          this.send({ type: 'result', id, value: value.value }, value.buffers);
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

/** The weights calls as the host answers them: the page's arguments as one array, and the model. */
type HostWeightsCalls = {
  [M in keyof WeightsCalls<unknown>]: (
    args: Parameters<WeightsCalls<unknown>[M]>,
    served: ServedModel,
  ) => unknown;
};

/**
 * A function of the served tables, called with the arguments a message brought. They are a
 * structured clone of what the page sent, and the page typed them from these same tables
 * (served-types.ts); here they are taken as they came. (TypeScript compares a method's parameters
 * both ways, which lets each typed function stand in for one that takes the message's values.)
 */
interface MessageCall<Result = unknown> {
  run(...args: unknown[]): Result;
}

/** `table[name]` if the table has a function of its own by that name (never an inherited one). */
function ownMethod(
  table: Record<string, (...args: never[]) => unknown>,
  name: string,
): MessageCall | undefined {
  return Object.hasOwn(table, name) ? { run: table[name] } : undefined;
}
