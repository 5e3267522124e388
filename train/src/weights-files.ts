// Writes weights as TF.js model.json + weights.bin, float16-quantised (half the bytes; the
// decoders' outputs change by far less than a grey level).
import { Float16Array } from '@petamoriken/float16';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import type * as tfTypes from '@tensorflow/tfjs-core';

/** A JSON file, read as the type the script that wrote it gave it. */
export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** model.json as these scripts write it. */
export interface WeightsManifestFile {
  modelTopology: object;
  weightsManifest: { paths: string[]; weights: tfTypes.io.WeightsManifestEntry[] }[];
}

export function writeFloat16Weights(
  directory: string,
  modelTopology: object,
  parameters: Record<string, tfTypes.Tensor>,
): number {
  return writeQuantisedWeights(directory, modelTopology, parameters, Infinity);
}

/** Rounds every weight to the nearest float16 in place: the values the weights file will hold. */
export function roundToFloat16(parameters: Record<string, tf.Variable>): void {
  for (const variable of Object.values(parameters)) {
    const rounded = Float32Array.from(Float16Array.from(variable.dataSync() as Float32Array));
    tf.tidy(() => variable.assign(tf.tensor(rounded, variable.shape)));
  }
}

/** Tensors this large or larger are stored in 8 bits by writeUint8Weights; smaller ones in float16. */
const UINT8_MIN_VALUES = 4096;

/** One tensor's 8-bit affine code: v ≈ min + q · scale, q in 0…255 (TF.js's "uint8" quantisation). */
function uint8Code(values: Float32Array): { codes: Uint8Array; min: number; scale: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) [min, max] = [Math.min(min, v), Math.max(max, v)];
  const scale = max > min ? (max - min) / 255 : 1;
  return { codes: Uint8Array.from(values, (v) => Math.round((v - min) / scale)), min, scale };
}

/**
 * model.json + weights.bin with every large tensor (4,096 values or more) quantised to 8 bits,
 * v ≈ min + q · (max − min) / 255 per tensor (TF.js's own "uint8" quantisation, decoded by any
 * TF.js loader), and the small ones (biases) to float16: about a quarter of the float32 bytes.
 */
export function writeUint8Weights(
  directory: string,
  modelTopology: object,
  parameters: Record<string, tfTypes.Tensor>,
): number {
  return writeQuantisedWeights(directory, modelTopology, parameters, UINT8_MIN_VALUES);
}

/** Tensors of `uint8MinValues` values or more in 8 bits, the others in float16. */
function writeQuantisedWeights(
  directory: string,
  modelTopology: object,
  parameters: Record<string, tfTypes.Tensor>,
  uint8MinValues: number,
): number {
  const specs: tfTypes.io.WeightsManifestEntry[] = [];
  const chunks: Uint8Array[] = [];
  for (const [name, tensor] of Object.entries(parameters)) {
    const values = tensor.dataSync() as Float32Array;
    const spec = { name, shape: tensor.shape, dtype: 'float32' as const };
    if (values.length < uint8MinValues) {
      chunks.push(new Uint8Array(Float16Array.from(values).buffer));
      specs.push({ ...spec, quantization: { dtype: 'float16' } });
    } else {
      const { codes, min, scale } = uint8Code(values);
      chunks.push(codes);
      specs.push({ ...spec, quantization: { dtype: 'uint8', min, scale } });
    }
  }
  return writeWeightsFiles(directory, modelTopology, specs, chunks);
}

/** Rounds every weight in place to what writeUint8Weights will store (so it can be measured first). */
export function roundToUint8(parameters: Record<string, tf.Variable>): void {
  for (const variable of Object.values(parameters)) {
    const values = variable.dataSync() as Float32Array;
    let rounded: Float32Array;
    if (values.length < UINT8_MIN_VALUES) rounded = Float32Array.from(Float16Array.from(values));
    else {
      const { codes, min, scale } = uint8Code(values);
      rounded = Float32Array.from(codes, (q) => min + q * scale);
    }
    tf.tidy(() => variable.assign(tf.tensor(rounded, variable.shape)));
  }
}

/** weights.bin (the `chunks` end to end) and model.json listing `specs`; returns the bin's bytes. */
export function writeWeightsFiles(
  directory: string,
  modelTopology: object,
  specs: tfTypes.io.WeightsManifestEntry[],
  chunks: Uint8Array[],
): number {
  const binary = Buffer.concat(chunks);
  mkdirSync(directory, { recursive: true });
  writeFileSync(path.join(directory, 'weights.bin'), binary);
  const manifest = {
    format: 'generative-elements',
    generatedBy: 'generative-elements train/',
    modelTopology,
    weightsManifest: [{ paths: ['weights.bin'], weights: specs }],
  };
  writeFileSync(path.join(directory, 'model.json'), JSON.stringify(manifest, null, 1) + '\n');
  return binary.length;
}

/** Reads model.json + its binary from `directory` as TF.js artifacts (float16 is decoded on assignment). */
export function readWeightsArtifacts(directory: string): tfTypes.io.ModelArtifacts {
  const manifest = readJson<WeightsManifestFile>(path.join(directory, 'model.json'));
  const binary = readFileSync(path.join(directory, manifest.weightsManifest[0].paths[0]));
  return {
    modelTopology: manifest.modelTopology,
    weightSpecs: manifest.weightsManifest[0].weights,
    weightData: binary.buffer.slice(binary.byteOffset, binary.byteOffset + binary.byteLength),
  };
}

/** Loads a weights file written by writeFloat16Weights into the given variables. */
export function assignWeights(
  parameters: Record<string, tfTypes.Variable>,
  manifest: { weightsManifest: { weights: tfTypes.io.WeightsManifestEntry[] }[] },
  binary: Buffer,
): void {
  const decoded = tf.io.decodeWeights(
    new Uint8Array(binary).buffer, // a copy: Node may pool small files in a shared buffer
    manifest.weightsManifest[0].weights,
  );
  for (const [name, variable] of Object.entries(parameters)) {
    if (!decoded[name]) throw new Error(`The weights file has no tensor named "${name}".`);
    variable.assign(decoded[name]);
  }
  tf.dispose(Object.values(decoded));
}
