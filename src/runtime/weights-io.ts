/**
 * Where weights come from and go to: the bundled URL or any URL, IndexedDB (`indexeddb://name`),
 * or files the user picks (model.json + its .bin); and a download for export. All in TF.js's own
 * format. URLs and files are read by our own readers, which check the manifest before fetching
 * any shard (weights-manifest.ts) and put a timeout on every request (fetch.ts); IndexedDB and
 * downloads go through TF.js's IO handlers.
 */
import * as tf from '@tensorflow/tfjs-core';
import { WeightsError } from './weights-format.js';
import { FetchError, fetchFile } from './fetch.js';
import { joinShards, parseManifest, toArtifacts } from './weights-manifest.js';

import { indexedDbUrl, type BundledWeights, type WeightsSource } from './weights-source.js';

export { indexedDbUrl, type BundledWeights, type WeightsSource };

/** Reads weights from any source; every failure is a WeightsError that says what and where. */
export async function loadArtifacts(
  source: WeightsSource | BundledWeights,
  limits: { maxBytes?: number } = {},
): Promise<tf.io.ModelArtifacts> {
  try {
    return await readArtifacts(source, limits.maxBytes);
  } catch (cause) {
    if (cause instanceof WeightsError || cause instanceof FetchError)
      throw new WeightsError(cause.message, { cause, problem: cause.problem });
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new WeightsError(`Could not load weights from ${describe(source)}: ${reason}`, { cause });
  }
}

/** Saves to `indexeddb://name` or triggers a download with `downloads://name`. */
export async function saveArtifacts(
  artifacts: tf.io.ModelArtifacts,
  destination: string,
): Promise<void> {
  const [handler] = tf.io.getSaveHandlers(destination);
  if (!handler?.save)
    throw new WeightsError(
      `Cannot save weights to "${destination}" (use indexeddb://name or downloads://name).`,
    );
  await handler.save(artifacts);
}

function isBundled(source: WeightsSource | BundledWeights): source is BundledWeights {
  return typeof source === 'object' && 'manifest' in source && 'shards' in source;
}

/** Where each kind of source is read from: our own readers (checked, with timeouts) or IndexedDB. */
async function readArtifacts(
  source: WeightsSource | BundledWeights,
  maxBytes?: number,
): Promise<tf.io.ModelArtifacts> {
  if (isBundled(source))
    return readFromUrls(
      source.manifest,
      (path) => source.shards[path] ?? new URL(path, source.manifest).href,
      maxBytes,
    );
  if (typeof source === 'string' || source instanceof URL) {
    const url = String(source).trim();
    if (!url) throw new WeightsError('The weights URL is empty.');
    if (url.startsWith('indexeddb://')) {
      const [handler] = tf.io.getLoadHandlers(url);
      if (!handler?.load) throw new WeightsError('IndexedDB is not available in this browser.');
      return handler.load();
    }
    const manifestUrl = new URL(url, globalThis.document?.baseURI ?? globalThis.location.href).href;
    return readFromUrls(manifestUrl, (path) => new URL(path, manifestUrl).href, maxBytes);
  }
  return readFromFiles(Array.from(source as ArrayLike<File>), maxBytes);
}

async function readFromUrls(
  manifestUrl: string,
  shardUrl: (path: string) => string,
  maxBytes?: number,
): Promise<tf.io.ModelArtifacts> {
  const response = await fetchFile(manifestUrl, { what: 'weights manifest' });
  const manifest = parseManifest(await response.text(), manifestUrl, maxBytes);
  const groupData = await Promise.all(
    manifest.groups.map(async (group) => {
      const buffers = await Promise.all(
        group.paths.map(async (path) =>
          (await fetchFile(shardUrl(path), { what: 'weights shard', notHtml: true })).arrayBuffer(),
        ),
      );
      return joinShards(buffers, group.bytes, group.paths.map(shardUrl).join(' + '));
    }),
  );
  return toArtifacts(manifest, groupData);
}

async function readFromFiles(files: File[], maxBytes?: number): Promise<tf.io.ModelArtifacts> {
  const manifestFile = files.find((file) => file.name.endsWith('.json'));
  if (!manifestFile)
    throw new WeightsError('Pick the model.json file together with its .bin file.', {
      problem: { code: 'pickManifest' },
    });
  const shards = new Map(
    files.filter((file) => file !== manifestFile).map((file) => [file.name, file]),
  );
  if (shards.size === 0)
    throw new WeightsError(`Pick ${manifestFile.name} together with its .bin file.`, {
      problem: { code: 'pickShard', params: { name: manifestFile.name } },
    });
  const manifest = parseManifest(await manifestFile.text(), manifestFile.name, maxBytes);
  const groupData = await Promise.all(
    manifest.groups.map(async (group) => {
      const buffers = await Promise.all(
        group.paths.map(async (path) => {
          const file = shards.get(path.split('/').pop()!);
          if (!file) {
            throw new WeightsError(`${manifestFile.name} needs the file ${path}: pick it too.`, {
              problem: { code: 'missingPick', params: { manifest: manifestFile.name, path } },
            });
          }
          return file.arrayBuffer();
        }),
      );
      return joinShards(buffers, group.bytes, group.paths.join(' + '));
    }),
  );
  return toArtifacts(manifest, groupData);
}

function describe(source: WeightsSource | BundledWeights): string {
  if (isBundled(source)) return source.manifest;
  if (typeof source === 'string' || source instanceof URL) return String(source);
  return (
    Array.from(source as ArrayLike<File>)
      .map((file) => file.name)
      .join(' + ') || 'no files'
  );
}
