/**
 * The page's one connection to its models. By default they run in one module worker per page,
 * so training and drawing never hold up scrolling, typing or the other elements; where no worker
 * can start (a CSP with `worker-src 'none'`, an old browser, `configure({ worker: false })`) the
 * same host runs in the page and the status says so. Every copy of the package on the page
 * shares the connection through the page registry.
 */
import { pageRegistry } from '../runtime/page-registry.js';
import { configuredBackend, type BackendPreference } from '../runtime/config.js';
import { reviveError } from './errors.js';
import { startWorker } from './worker-start.js';
import {
  IMAGE_SERVICE,
  type BackendMeasurement,
  type Reply,
  type Request,
  type RuntimeInfo,
} from './protocol.js';
import type {
  CallArgs,
  CallName,
  CallResult,
  Calls,
  CreateArgs,
  ImageCalls,
  InfoOf,
  ModelKind,
  WeightsCalls,
} from './served-types.js';
import type { TrainingProgress } from '../runtime/step-loop.js';
import type { BundledWeights } from '../runtime/weights-source.js';

export type { ModelKind, RuntimeInfo };

/** A model in the host, as the page names it: its number and its kind (which types its calls). */
export interface ModelHandle<K extends ModelKind> {
  readonly id: number;
  readonly kind: K;
}

export interface CallOptions {
  /** Stops a training call at its next step; an off-screen gate on it holds the training. */
  signal?: AbortSignal;
  onProgress?: (progress: TrainingProgress) => void;
  /** Typed arrays the page hands over (they become unusable here). */
  transfer?: Transferable[];
}

export interface ModelConnection {
  /** Whether the models run in the worker; known once `startRuntime` has resolved. */
  readonly runsInWorker: boolean | undefined;
  /** A worker was wanted but could not start (the status says the models run on the main thread). */
  readonly workerRefused: boolean;
  /** The page's runtime, once started. */
  readonly runtime: RuntimeInfo | undefined;
  startRuntime(preference: BackendPreference): Promise<RuntimeInfo>;
  /** A model in the host; its plain facts (sizes, palette…) come with the promise. */
  create<K extends ModelKind>(
    kind: K,
    args: CreateArgs<K>,
  ): { handle: ModelHandle<K>; info: Promise<InfoOf<K>> };
  /** A call on a model, typed by the served-models table. */
  call<K extends ModelKind, M extends CallName<Calls<K>>>(
    handle: ModelHandle<K>,
    method: M,
    args: CallArgs<Calls<K>, M>,
    options?: CallOptions,
  ): Promise<CallResult<Calls<K>, M>>;
  /** One of the weights calls every model answers (see served-types.ts). */
  weightsCall<K extends ModelKind, M extends keyof WeightsCalls<unknown>>(
    handle: ModelHandle<K>,
    method: M,
    ...args: Parameters<WeightsCalls<InfoOf<K>>[M]>
  ): Promise<ReturnType<WeightsCalls<InfoOf<K>>[M]>>;
  /** A call on the host's image service (the user's images, converted where the models run). */
  convertImages<M extends CallName<ImageCalls>>(
    method: M,
    args: CallArgs<ImageCalls, M>,
    options?: CallOptions,
  ): Promise<CallResult<ImageCalls, M>>;
  release(handle: ModelHandle<ModelKind>): void;
  /**
   * Called once an element has shown its first output: `auto` beside an unmeasured WebGPU
   * adapter then measures both backends and keeps the faster. Resolves with what was measured
   * (null where there was nothing to measure); the same promise for every caller.
   */
  afterFirstOutput(): Promise<BackendMeasurement | null>;
  /** Calls `listener` when the runtime moves to another backend; returns the unsubscribe. */
  onBackendChange(listener: () => void): () => void;
  /** TF.js's tensor count where the models run (the leak tests read it). */
  memory(): Promise<{ numTensors: number; numBytes: number }>;
  /**
   * Starts downloading bundled weights where the models run, beside the runtime's own start (its
   * code and the WASM binary), instead of after it; a `loadWeights` of the same files takes them.
   */
  prefetchWeights(sources: BundledWeights[]): void;
}

/** The page's connection, opened on first use. */
export function modelConnection(): ModelConnection {
  const registry = pageRegistry();
  const existing = registry.connection;
  if (isConnection(existing)) return existing;
  const connection = new Connection();
  registry.connection = connection;
  return connection;
}

/** The connection another copy of the package on this page may have made already. */
function isConnection(value: unknown): value is ModelConnection {
  return typeof value === 'object' && value !== null && 'startRuntime' in value;
}

interface Transport {
  post(request: Request, transfer: Transferable[]): void;
  inWorker: boolean;
  /** A worker was wanted, but none could start. */
  refused: boolean;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress?: (progress: TrainingProgress) => void;
  signal?: AbortSignal;
}

class Connection implements ModelConnection {
  private transport: Promise<Transport> | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private nextHandle = 1;
  private starting: Promise<RuntimeInfo> | undefined;
  private measurement: Promise<BackendMeasurement | null> | undefined;
  private readonly backendListeners = new Set<() => void>();
  runsInWorker: boolean | undefined;
  workerRefused = false;
  runtime: RuntimeInfo | undefined;

  startRuntime(preference: BackendPreference): Promise<RuntimeInfo> {
    this.starting ??= (async () => {
      const transport = await this.open();
      const settings = pageRegistry().settings;
      const info = await this.request<RuntimeInfo>({
        type: 'start',
        id: 0,
        settings: {
          backend: configuredBackend() ?? preference,
          assetBase: settings.assetBase,
          fetchTimeoutMs: settings.fetchTimeoutMs,
          measureSoftwareAdapter: settings.measureSoftwareAdapter,
        },
      });
      this.workerRefused = transport.refused;
      this.runtime = info;
      return info;
    })().catch((error: unknown) => {
      // Nothing could start (a network blip took every backend's code): the next element tries again.
      this.starting = undefined;
      throw error;
    });
    return this.starting;
  }

  create<K extends ModelKind>(
    kind: K,
    args: CreateArgs<K>,
  ): { handle: ModelHandle<K>; info: Promise<InfoOf<K>> } {
    const id = this.nextHandle++;
    return {
      handle: { id, kind },
      info: this.request({ type: 'create', id: 0, handle: id, kind, args }),
    };
  }

  call<K extends ModelKind, M extends CallName<Calls<K>>>(
    handle: ModelHandle<K>,
    method: M,
    args: CallArgs<Calls<K>, M>,
    options: CallOptions = {},
  ): Promise<CallResult<Calls<K>, M>> {
    return this.send(handle.id, method, args, options);
  }

  weightsCall<K extends ModelKind, M extends keyof WeightsCalls<unknown>>(
    handle: ModelHandle<K>,
    method: M,
    ...args: Parameters<WeightsCalls<InfoOf<K>>[M]>
  ): Promise<ReturnType<WeightsCalls<InfoOf<K>>[M]>> {
    return this.send(handle.id, method, args, {});
  }

  convertImages<M extends CallName<ImageCalls>>(
    method: M,
    args: CallArgs<ImageCalls, M>,
    options: CallOptions = {},
  ): Promise<CallResult<ImageCalls, M>> {
    return this.send(IMAGE_SERVICE, method, args, options);
  }

  /** A call as a message; the typed methods above say what it resolves to. */
  private send<Result>(
    handle: number,
    method: string,
    args: unknown[],
    options: CallOptions,
  ): Promise<Result> {
    const { signal, onProgress, transfer = [] } = options;
    const training = signal || onProgress ? { progress: Boolean(onProgress) } : undefined;
    return this.request(
      { type: 'call', id: 0, handle, method, args, ...(training ? { training } : {}) },
      transfer,
      { onProgress, signal },
    );
  }

  afterFirstOutput(): Promise<BackendMeasurement | null> {
    if (this.measurement) return this.measurement;
    if (!this.runtime?.measureOn) return Promise.resolve(null);
    this.measurement = this.request<BackendMeasurement | null>({ type: 'measure', id: 0 }).then(
      (result) => {
        if (result && this.runtime && result.winner !== this.runtime.backend) {
          this.runtime = { ...this.runtime, backend: result.winner };
          for (const listener of this.backendListeners) listener();
        }
        return result;
      },
      () => null, // a failed measurement leaves the page on WASM, where it works
    );
    return this.measurement;
  }

  onBackendChange(listener: () => void): () => void {
    this.backendListeners.add(listener);
    return () => this.backendListeners.delete(listener);
  }

  release(handle: ModelHandle<ModelKind>): void {
    void this.open().then((transport) =>
      transport.post({ type: 'release', handle: handle.id }, []),
    );
  }

  prefetchWeights(sources: BundledWeights[]): void {
    if (sources.length === 0) return;
    // No answer: a failed download is simply made again by the load that needs it.
    void this.open().then(
      (transport) => transport.post({ type: 'prefetch', sources }, []),
      () => undefined,
    );
  }

  memory(): Promise<{ numTensors: number; numBytes: number }> {
    return this.request({ type: 'memory', id: 0 });
  }

  /** Sends a request with a fresh id; resolves with its result. Requests keep their order. */
  private request<T>(
    request: Request,
    transfer: Transferable[] = [],
    extras: Pick<Pending, 'onProgress' | 'signal'> = {},
  ): Promise<T> {
    const id = this.nextId++;
    const message: Request = 'id' in request ? { ...request, id } : request;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, ...extras });
      void this.open().then((transport) => {
        transport.post(message, transfer);
        const { signal } = extras;
        if (!signal) return;
        const abort = () => transport.post({ type: 'abort', id }, []);
        if (signal.aborted) abort();
        else signal.addEventListener('abort', abort, { once: true });
      }, reject);
    });
  }

  private receive(reply: Reply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    switch (reply.type) {
      case 'progress':
        pending.onProgress?.(reply.progress);
        return;
      case 'result':
        this.pending.delete(reply.id);
        pending.resolve(reply.value);
        return;
      case 'error':
        this.pending.delete(reply.id);
        pending.reject(reviveError(reply.error));
        return;
    }
  }

  private open(): Promise<Transport> {
    this.transport ??= openTransport((reply) => this.receive(reply)).then((transport) => {
      this.runsInWorker = transport.inWorker;
      return transport;
    });
    return this.transport;
  }
}

async function openTransport(onReply: (reply: Reply) => void): Promise<Transport> {
  const wanted = pageRegistry().settings.worker !== false;
  if (wanted) {
    const worker = await startWorker();
    if (worker) {
      worker.addEventListener('message', (event: MessageEvent<Reply>) => onReply(event.data));
      return {
        inWorker: true,
        refused: false,
        post: (request, transfer) => worker.postMessage(request, transfer),
      };
    }
  }
  const { ModelHost } = await import('./model-host.js');
  const host = new ModelHost((reply) => onReply(reply), { applySettings: false });
  return { inWorker: false, refused: wanted, post: (request) => host.receive(request) };
}
