/**
 * Where weights come from and go to: the bundled URL or any URL, IndexedDB (`indexeddb://name`),
 * or files the user picks (model.json + its .bin); and a download for export. All in TF.js's own
 * format, through TF.js's own IO handlers.
 */
import * as tf from '@tensorflow/tfjs-core';
import { WeightsError } from './weights-format.js';

import type { BundledWeights, WeightsSource } from './weights-source.js';

export type { BundledWeights, WeightsSource };

export async function loadArtifacts(source: WeightsSource | BundledWeights): Promise<tf.io.ModelArtifacts> {
  const handler = loadHandlerFor(source);
  try {
    return await handler.load!();
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new WeightsError(`Could not load weights from ${describe(source)}: ${reason}`, { cause });
  }
}

/** Saves to `indexeddb://name` or triggers a download with `downloads://name`. */
export async function saveArtifacts(artifacts: tf.io.ModelArtifacts, destination: string): Promise<void> {
  const [handler] = tf.io.getSaveHandlers(destination);
  if (!handler?.save) throw new WeightsError(`Cannot save weights to "${destination}" (use indexeddb://name or downloads://name).`);
  await handler.save(artifacts);
}

/** Turns a user-given name into an IndexedDB key: `saveWeights('mine')` → `indexeddb://mine`. */
export function indexedDbUrl(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new WeightsError('A name is needed to save weights.');
  return trimmed.startsWith('indexeddb://') ? trimmed : `indexeddb://${trimmed}`;
}

function isBundled(source: WeightsSource | BundledWeights): source is BundledWeights {
  return typeof source === 'object' && 'manifest' in source && 'shards' in source;
}

function loadHandlerFor(source: WeightsSource | BundledWeights): tf.io.IOHandler {
  if (isBundled(source)) {
    const shardUrl = async (name: string) => source.shards[name] ?? new URL(name, source.manifest).href;
    return tf.io.http(source.manifest, { weightUrlConverter: shardUrl });
  }
  if (typeof source === 'string' || source instanceof URL) {
    const url = String(source).trim();
    if (!url) throw new WeightsError('The weights URL is empty.');
    if (url.startsWith('indexeddb://')) {
      const [handler] = tf.io.getLoadHandlers(url);
      if (!handler?.save) throw new WeightsError('IndexedDB is not available in this browser.');
      return handler;
    }
    return tf.io.http(new URL(url, document.baseURI).href);
  }
  const files = Array.from(source as ArrayLike<File>);
  const manifest = files.find((file) => file.name.endsWith('.json'));
  if (!manifest) throw new WeightsError('Pick the model.json file together with its .bin file.');
  const shards = files.filter((file) => file !== manifest);
  if (shards.length === 0) throw new WeightsError(`Pick ${manifest.name} together with its .bin file.`);
  return tf.io.browserFiles([manifest, ...shards]);
}

function describe(source: WeightsSource | BundledWeights): string {
  if (isBundled(source)) return source.manifest;
  if (typeof source === 'string' || source instanceof URL) return String(source);
  return Array.from(source as ArrayLike<File>).map((file) => file.name).join(' + ') || 'no files';
}
