/**
 * Model weights in TF.js's own format (model.json + binary shard), so any TF.js tool can read
 * them. `modelTopology` carries which model and which configuration the weights belong to, so a
 * file made for another architecture is refused with a clear message instead of producing noise.
 */
import { WeightsError } from './weights-error.js';
import * as tf from '@tensorflow/tfjs-core';

export interface ModelDescription {
  /** e.g. 'vae' */
  model: string;
  /** The architecture; weights only load into a model with an identical config. */
  config: object;
}

import type { Problem } from './problem.js';
import type { WeightsArtifacts } from './weights-source.js';

export type { Problem };

export { WeightsError };

/** Reads the variables' values into artifacts (float32) ready for any TF.js save handler. */
export async function parametersToArtifacts(
  description: ModelDescription,
  parameters: Record<string, tf.Tensor>,
): Promise<tf.io.ModelArtifacts> {
  const { data, specs } = await tf.io.encodeWeights(parameters);
  return {
    modelTopology: { generativeElements: description },
    format: 'generative-elements',
    generatedBy: 'generative-elements',
    weightSpecs: specs,
    weightData: data,
  };
}

/**
 * Checks artifacts against the model and, only if every tensor is present with the right shape
 * and finite, assigns them all. On any problem nothing is changed and a WeightsError explains.
 */
export async function assignArtifacts(
  description: ModelDescription,
  parameters: Record<string, tf.Variable>,
  artifacts: tf.io.ModelArtifacts,
): Promise<void> {
  const found = (artifacts.modelTopology as { generativeElements?: ModelDescription } | undefined)
    ?.generativeElements;
  if (!found || typeof found !== 'object') {
    throw new WeightsError(
      'This model.json is not a generative-elements weights file (no model description).',
      { problem: { code: 'notOurs' } },
    );
  }
  if (found.model !== description.model) {
    throw new WeightsError(
      `These weights are for the "${found.model}" model, not "${description.model}".`,
      {
        problem: {
          code: 'wrongModel',
          params: { found: String(found.model), expected: description.model },
        },
      },
    );
  }
  if (JSON.stringify(found.config) !== JSON.stringify(description.config)) {
    throw new WeightsError(
      `These weights are for a different ${description.model} architecture: ${JSON.stringify(found.config)}.`,
      {
        problem: { code: 'wrongArchitecture', params: { model: description.model } },
      },
    );
  }
  if (!artifacts.weightSpecs || !artifacts.weightData) {
    throw new WeightsError('The weights file lists no weights or its binary part is missing.', {
      problem: { code: 'noData' },
    });
  }
  let decoded: tf.NamedTensorMap;
  try {
    decoded = tf.io.decodeWeights(artifacts.weightData, artifacts.weightSpecs);
  } catch (cause) {
    throw new WeightsError(
      'The weights binary does not match its manifest (truncated or corrupt file?).',
      { cause, problem: { code: 'corrupt' } },
    );
  }
  try {
    for (const [name, variable] of Object.entries(parameters)) {
      const value = decoded[name];
      if (!value)
        throw new WeightsError(`The weights file has no tensor named "${name}".`, {
          problem: { code: 'missingTensor', params: { name } },
        });
      if (!tf.util.arraysEqual(value.shape, variable.shape)) {
        const got = `[${value.shape.join(',')}]`;
        const needed = `[${variable.shape.join(',')}]`;
        throw new WeightsError(
          `"${name}" has shape ${got} in the file, the model needs ${needed}.`,
          { problem: { code: 'wrongShape', params: { name, got, needed } } },
        );
      }
      // Read back asynchronously: a synchronous read stalls (or fails) on GPU backends.
      if (!(await value.data()).every(Number.isFinite)) {
        throw new WeightsError(`"${name}" contains NaN or infinite values.`, {
          problem: { code: 'notFinite', params: { name } },
        });
      }
    }
    for (const [name, variable] of Object.entries(parameters)) variable.assign(decoded[name]);
  } finally {
    tf.dispose(decoded);
  }
}

/** The most bytes a model's weights can take in a file: every parameter as float32. */
export function weightBytesOf(parameters: Record<string, tf.Tensor>): number {
  return Object.values(parameters).reduce((bytes, p) => bytes + p.size * 4, 0);
}

/**
 * Weights the page hands back (kept from `getWeights` while its model was rebuilt) as TF.js's
 * artifacts. Only their form is looked at here; assignArtifacts checks what they hold, and
 * refuses anything missing.
 */
export function artifactsFromPage(weights: WeightsArtifacts): tf.io.ModelArtifacts {
  const { modelTopology, weightSpecs, weightData } = weights;
  return {
    modelTopology:
      typeof modelTopology === 'object' && modelTopology !== null ? modelTopology : undefined,
    weightSpecs:
      Array.isArray(weightSpecs) && weightSpecs.every(isWeightSpec) ? weightSpecs : undefined,
    weightData: weightData instanceof ArrayBuffer ? weightData : undefined,
  };
}

const DTYPES: readonly unknown[] = ['float32', 'int32', 'bool', 'string', 'complex64'];

function isWeightSpec(value: unknown): value is tf.io.WeightsManifestEntry {
  return (
    typeof value === 'object' &&
    value !== null &&
    'name' in value &&
    typeof value.name === 'string' &&
    'shape' in value &&
    Array.isArray(value.shape) &&
    value.shape.every(Number.isInteger) &&
    'dtype' in value &&
    DTYPES.includes(value.dtype)
  );
}
