/**
 * Reads and checks a TF.js weights manifest (model.json) before any shard is fetched, so a bad
 * file costs one small request and gets one precise message: not JSON (an HTML page in its
 * place), no weights listed, an unsupported data type, too many tensors or shards, or more bytes
 * than any model of this package needs.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { WeightsError } from './weights-format.js';

/** Generous bounds: the largest bundled model (the sentence VAE) has 30 tensors in one 3.1 MB shard. */
export const MANIFEST_LIMITS = { tensors: 4000, shards: 64, bytes: 64 * 1024 * 1024 } as const;

const BYTES_PER_VALUE: Record<string, number> = { float32: 4, int32: 4 };
/** TF.js quantization: float32 tensors stored as float16, uint8 or uint16 (with scale and min). */
const QUANTIZED_BYTES: Record<string, number> = { float16: 2, uint16: 2, uint8: 1 };

export interface CheckedManifest {
  json: tf.io.ModelJSON;
  /** Per group of the manifest: its shard paths and the bytes its tensors take. */
  groups: { paths: string[]; bytes: number }[];
  specs: tf.io.WeightsManifestEntry[];
}

/**
 * `maxBytes`: what the model that will take these weights holds at most (its parameters as
 * float32), so a manifest describing more is refused before any shard is fetched.
 */
export function parseManifest(
  text: string,
  where: string,
  maxBytes: number = MANIFEST_LIMITS.bytes,
): CheckedManifest {
  const byteLimit = Math.min(maxBytes, MANIFEST_LIMITS.bytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const start = text.trimStart().slice(0, 40).replace(/\s+/g, ' ');
    const looksHtml = /^<(!doctype|html|head|body)/i.test(start);
    throw new WeightsError(
      looksHtml
        ? `${where} is an HTML page, not a weights manifest (a missing file answered by the site's own page?).`
        : `${where} is not JSON (it starts with "${start}").`,
      {
        problem: looksHtml
          ? { code: 'manifestHtml', params: { where } }
          : { code: 'manifestNotJson', params: { where, start } },
      },
    );
  }
  const manifest = (json as { weightsManifest?: unknown }).weightsManifest;
  if (!json || typeof json !== 'object' || !Array.isArray(manifest)) {
    throw new WeightsError(
      `${where} is JSON but not a TF.js weights manifest (no "weightsManifest" list).`,
      { problem: { code: 'notManifest', params: { where } } },
    );
  }
  const groups: CheckedManifest['groups'] = [];
  const specs: tf.io.WeightsManifestEntry[] = [];
  let shards = 0;
  let bytes = 0;
  for (const group of manifest as { paths?: unknown; weights?: unknown }[]) {
    if (
      !Array.isArray(group?.paths) ||
      !Array.isArray(group.weights) ||
      !group.paths.every((p) => typeof p === 'string')
    ) {
      throw new WeightsError(
        `${where}: every "weightsManifest" entry needs "paths" and "weights" lists.`,
        { problem: { code: 'notManifest', params: { where } } },
      );
    }
    shards += group.paths.length;
    if (specs.length + group.weights.length > MANIFEST_LIMITS.tensors) {
      throw new WeightsError(
        `${where} lists more than ${MANIFEST_LIMITS.tensors} tensors; no model of this package has that many.`,
        {
          problem: { code: 'tooManyTensors', params: { where, limit: MANIFEST_LIMITS.tensors } },
        },
      );
    }
    if (shards > MANIFEST_LIMITS.shards) {
      throw new WeightsError(
        `${where} lists more than ${MANIFEST_LIMITS.shards} shard files; no model of this package needs that many.`,
        {
          problem: { code: 'tooManyShards', params: { where, limit: MANIFEST_LIMITS.shards } },
        },
      );
    }
    let groupBytes = 0;
    for (const spec of group.weights as tf.io.WeightsManifestEntry[]) {
      groupBytes += specBytes(spec, where);
      specs.push(spec);
    }
    bytes += groupBytes;
    if (bytes > byteLimit) {
      const limit = Math.round((byteLimit / 1024 / 1024) * 10) / 10;
      throw new WeightsError(
        `${where} describes more than ${limit} MB of weights; the model that would take them holds at most that.`,
        {
          problem: { code: 'tooLarge', params: { where, limit } },
        },
      );
    }
    groups.push({ paths: group.paths, bytes: groupBytes });
  }
  if (specs.length === 0)
    throw new WeightsError(`${where} lists no weights.`, {
      problem: { code: 'noWeights', params: { where } },
    });
  return { json: json as tf.io.ModelJSON, groups, specs };
}

function specBytes(spec: tf.io.WeightsManifestEntry, where: string): number {
  const shapeOk =
    Array.isArray(spec?.shape) && spec.shape.every((n) => Number.isSafeInteger(n) && n >= 0);
  if (typeof spec?.name !== 'string' || !shapeOk) {
    throw new WeightsError(
      `${where}: a weight entry needs a "name" and a "shape" of whole numbers.`,
      { problem: { code: 'notManifest', params: { where } } },
    );
  }
  const count = spec.shape.reduce((a, b) => a * b, 1);
  const quantized = spec.quantization?.dtype;
  if (quantized !== undefined) {
    if (!(quantized in QUANTIZED_BYTES) || spec.dtype !== 'float32') {
      throw new WeightsError(
        `"${spec.name}" in ${where} is quantized as ${quantized} ${spec.dtype}; supported: float32 stored as float16, uint8 or uint16.`,
        {
          problem: {
            code: 'badDtype',
            params: { name: spec.name, where, dtype: `${String(quantized)} ${String(spec.dtype)}` },
          },
        },
      );
    }
    return count * QUANTIZED_BYTES[quantized];
  }
  if (!(spec.dtype in BYTES_PER_VALUE)) {
    throw new WeightsError(
      `"${spec.name}" in ${where} has data type ${String(spec.dtype)}; the models here read float32 (or float16 through quantization) and int32.`,
      {
        problem: {
          code: 'badDtype',
          params: { name: spec.name, where, dtype: String(spec.dtype) },
        },
      },
    );
  }
  return count * BYTES_PER_VALUE[spec.dtype];
}

/** Joins a group's shard buffers and checks they hold exactly what the manifest says. */
export function joinShards(
  buffers: ArrayBuffer[],
  expectedBytes: number,
  where: string,
): ArrayBuffer {
  const total = buffers.reduce((n, b) => n + b.byteLength, 0);
  if (total !== expectedBytes) {
    throw new WeightsError(
      total < expectedBytes
        ? `The weights in ${where} are truncated: ${total} bytes, the manifest needs ${expectedBytes}.`
        : `The weights in ${where} are ${total} bytes, the manifest describes ${expectedBytes}: not the file it was made with.`,
      {
        problem: {
          code: total < expectedBytes ? 'truncated' : 'wrongSize',
          params: { where, got: total, needed: expectedBytes },
        },
      },
    );
  }
  return concatenate(buffers);
}

function concatenate(buffers: ArrayBuffer[]): ArrayBuffer {
  if (buffers.length === 1) return buffers[0];
  const joined = new Uint8Array(buffers.reduce((n, b) => n + b.byteLength, 0));
  let offset = 0;
  for (const buffer of buffers) {
    joined.set(new Uint8Array(buffer), offset);
    offset += buffer.byteLength;
  }
  return joined.buffer;
}

/** The artifacts TF.js's IO handlers would give for a checked manifest and its joined shards. */
export function toArtifacts(
  manifest: CheckedManifest,
  groupData: ArrayBuffer[],
): tf.io.ModelArtifacts {
  const { json } = manifest;
  return {
    modelTopology: json.modelTopology,
    format: json.format,
    generatedBy: json.generatedBy,
    convertedBy: json.convertedBy ?? undefined,
    weightSpecs: manifest.specs,
    weightData: concatenate(groupData),
  };
}
