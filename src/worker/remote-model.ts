/**
 * What every model proxy shares: a handle in the page's connection, the model's plain facts kept
 * at hand, and the weights calls (load, set, get, save in IndexedDB, export as a download). The
 * proxies have the async API of the wrappers they stand for, so an element does not care whether
 * the model runs in the worker or in the page.
 */
import { downloadWeights } from '../runtime/download-weights.js';
import { pageRegistry } from '../runtime/page-registry.js';
import {
  indexedDbUrl,
  type BundledWeights,
  type WeightsArtifacts,
  type WeightsSource,
} from '../runtime/weights-source.js';
import { modelConnection, type CallOptions, type ModelConnection } from './connection.js';
import type { ModelKind } from './protocol.js';

export abstract class RemoteModel<Info extends { weightBytes: number }> {
  protected constructor(
    protected readonly connection: ModelConnection,
    protected readonly handle: number,
    protected info: Info,
  ) {}

  /** Makes the model in the host; resolves once it exists, with its facts. */
  protected static async create<I>(
    kind: ModelKind,
    args: unknown[],
  ): Promise<{ connection: ModelConnection; handle: number; info: I }> {
    const connection = modelConnection();
    const { handle, info } = connection.create(kind, args);
    try {
      return { connection, handle, info: (await info) as I };
    } catch (error) {
      connection.release(handle);
      throw error;
    }
  }

  protected call<T>(method: string, args: unknown[] = [], options?: CallOptions): Promise<T> {
    return this.connection.call<T>(this.handle, method, args, options);
  }

  /** The most bytes a weights file for this model can hold (every parameter as float32). */
  get weightBytes(): number {
    return this.info.weightBytes;
  }

  /** Reads weights where the model runs (URLs, IndexedDB or the user's files), all or nothing. */
  async loadWeights(source: WeightsSource | BundledWeights): Promise<void> {
    // The page's fetch timeout as it is now (configure() may have changed it since the start).
    const { fetchTimeoutMs } = pageRegistry().settings;
    this.onInfo(await this.call<Info>('loadWeights', [absoluteSource(source), { fetchTimeoutMs }]));
  }

  async setWeights(artifacts: WeightsArtifacts): Promise<void> {
    this.onInfo(await this.call<Info>('setWeights', [artifacts]));
  }

  getWeights(): Promise<WeightsArtifacts> {
    return this.call<WeightsArtifacts>('getWeights');
  }

  /** Saves the weights in this browser's IndexedDB under `name`. */
  saveWeights(name: string): Promise<void> {
    return this.call('saveWeights', [indexedDbUrl(name)]);
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
  protected onInfo(info: Info): void {
    this.info = info;
  }
}

/** A URL is read where the model runs, perhaps a worker that does not know the page's address. */
function absoluteSource(source: WeightsSource | BundledWeights): WeightsSource | BundledWeights {
  if (typeof source !== 'string' && !(source instanceof URL)) {
    // A FileList travels as it is; an array of Files too.
    return typeof (source as FileList).item === 'function'
      ? Array.from(source as FileList)
      : source;
  }
  const text = String(source).trim();
  if (!text || text.startsWith('indexeddb://')) return text;
  return new URL(text, document.baseURI).href;
}
