/**
 * A model in the host, as the page holds it: a handle in the page's connection, the model's plain
 * facts kept at hand, and its calls, typed by the served-models table (served-types.ts). It works
 * the same whether the model runs in the worker or in the page. A subclass exists only where the
 * page adds something of its own (a painting read ahead, a vocabulary to split input with).
 */
import { downloadWeights } from '../runtime/download-weights.js';
import { pageRegistry } from '../runtime/page-registry.js';
import {
  indexedDbUrl,
  type BundledWeights,
  type WeightsArtifacts,
  type WeightsSource,
} from '../runtime/weights-source.js';
import {
  modelConnection,
  type CallOptions,
  type ModelConnection,
  type ModelHandle,
} from './connection.js';
import type { ModelWeights } from './model-weights.js';
import type {
  CallArgs,
  CallName,
  CallResult,
  Calls,
  CreateArgs,
  InfoOf,
  ModelKind,
} from './served-types.js';

/** A model of `kind` in the host, with nothing of the page's own (the VAE, for one). */
export async function openModel<K extends ModelKind>(
  kind: K,
  ...args: CreateArgs<K>
): Promise<RemoteModel<K>> {
  return new RemoteModel(...(await createInHost(kind, args)));
}

/** Makes a model of `kind` in the host; resolves once it exists, with what a RemoteModel holds. */
export async function createInHost<K extends ModelKind>(
  kind: K,
  args: CreateArgs<K>,
): Promise<[ModelConnection, ModelHandle<K>, InfoOf<K>]> {
  const connection = modelConnection();
  const { handle, info } = connection.create(kind, args);
  try {
    return [connection, handle, await info];
  } catch (error) {
    connection.release(handle);
    throw error;
  }
}

export class RemoteModel<K extends ModelKind> implements ModelWeights {
  constructor(
    protected readonly connection: ModelConnection,
    protected readonly handle: ModelHandle<K>,
    protected info: InfoOf<K>,
  ) {}

  /** Calls `method` on the model where it runs; calls keep their order. */
  call<M extends CallName<Calls<K>>>(
    method: M,
    ...args: CallArgs<Calls<K>, M>
  ): Promise<CallResult<Calls<K>, M>> {
    return this.connection.call(this.handle, method, args);
  }

  /**
   * A training call: as `call`, its numbers among `args`; its signal and progress callback stay in
   * the page and reach the host as abort and progress messages.
   */
  train<M extends CallName<Calls<K>>>(
    method: M,
    args: CallArgs<Calls<K>, M>,
    callbacks: CallOptions,
  ): Promise<CallResult<Calls<K>, M>> {
    return this.connection.call(this.handle, method, args, callbacks);
  }

  /** The most bytes a weights file for this model can hold (every parameter as float32). */
  get weightBytes(): number {
    return this.info.weightBytes;
  }

  /** Reads weights where the model runs (URLs, IndexedDB or the user's files), all or nothing. */
  async loadWeights(source: WeightsSource | BundledWeights): Promise<void> {
    // The page's fetch timeout as it is now (configure() may have changed it since the start).
    const { fetchTimeoutMs } = pageRegistry().settings;
    this.onInfo(
      await this.connection.weightsCall(this.handle, 'loadWeights', absoluteSource(source), {
        fetchTimeoutMs,
      }),
    );
  }

  async setWeights(artifacts: WeightsArtifacts): Promise<void> {
    this.onInfo(await this.connection.weightsCall(this.handle, 'setWeights', artifacts));
  }

  getWeights(): Promise<WeightsArtifacts> {
    return this.connection.weightsCall(this.handle, 'getWeights');
  }

  /** Saves the weights in this browser's IndexedDB under `name`. */
  saveWeights(name: string): Promise<void> {
    return this.connection.weightsCall(this.handle, 'saveWeights', indexedDbUrl(name));
  }

  /** Downloads the weights as `<name>.json` and `<name>.weights.bin`. */
  async exportWeights(name: string): Promise<void> {
    downloadWeights(await this.getWeights(), name);
  }

  /** Frees the model once the calls already sent to it have finished. */
  dispose(): void {
    this.connection.release(this.handle);
  }

  /** New facts after the weights changed (a PixelRNN's palette, a sentence model's pieces). */
  protected onInfo(info: InfoOf<K>): void {
    this.info = info;
  }
}

/** A URL is read where the model runs, perhaps a worker that does not know the page's address. */
function absoluteSource(source: WeightsSource | BundledWeights): WeightsSource | BundledWeights {
  if (typeof source !== 'string' && !(source instanceof URL)) {
    // A FileList travels as it is; an array of Files too.
    return isFileList(source) ? Array.from(source) : source;
  }
  const text = String(source).trim();
  if (!text || text.startsWith('indexeddb://')) return text;
  return new URL(text, document.baseURI).href;
}

function isFileList(source: object): source is FileList {
  return 'item' in source && typeof source.item === 'function';
}
