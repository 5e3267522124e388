// A training checkpoint for the sentence VAE: everything `--resume` needs to carry on as if never
// stopped. checkpoint.json holds the configuration, the piece vocabulary, the step and minute
// counters and a table of tensors; checkpoint.bin holds those tensors as float32 (the model's
// parameters, the bag-of-words head, and Adam's iteration count and moments, in Adam's own order).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import type { SentenceVaeConfig } from '../../src/models/sentence-vae.js';

export interface TrainingSession {
  /** ISO date the session ended (or was last checkpointed). */
  date: string;
  minutes: number;
  steps: number;
  /** Settings this session changed from the one before (`--resume --free-bits …`). */
  changed?: Record<string, { from: number | string; to: number | string }>;
}

export interface CheckpointState {
  config: SentenceVaeConfig;
  vocabulary: string[];
  step: number;
  /** Passes over the training sentences begun so far. */
  epoch: number;
  /** Training minutes over every session (evaluation not counted). */
  trainingMinutes: number;
  sessions: TrainingSession[];
  /** The objective's settings of the latest session (the KL warm-up counts steps over all sessions). */
  options: Record<string, number>;
}

interface TensorEntry {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  offset: number;
}

export function checkpointExists(directory: string): boolean {
  return existsSync(path.join(directory, 'checkpoint.json'));
}

export async function writeCheckpoint(
  directory: string,
  state: CheckpointState,
  parameters: Record<string, tf.Tensor>,
  optimizer: tf.Optimizer,
): Promise<void> {
  // Adam's weights: its moments, and a new scalar for its step count ('iter', ours to dispose).
  const adam = await optimizer.getWeights();
  const named = [
    ...Object.entries(parameters).map(([name, tensor]) => ({ name: `param/${name}`, tensor })),
    ...adam.map(({ tensor }, i) => ({ name: `adam/${i}`, tensor })),
  ];
  const tensors: TensorEntry[] = [];
  const chunks: Buffer[] = [];
  let offset = 0;
  for (const { name, tensor } of named) {
    const values =
      tensor.dtype === 'int32'
        ? Int32Array.from(await tensor.data())
        : Float32Array.from(await tensor.data());
    tensors.push({ name, shape: tensor.shape, dtype: tensor.dtype as 'float32' | 'int32', offset });
    chunks.push(Buffer.from(values.buffer));
    offset += values.byteLength;
  }
  adam.find((weight) => weight.name === 'iter')?.tensor.dispose();
  mkdirSync(directory, { recursive: true });
  // Written beside and renamed, so a run stopped mid-write leaves the previous checkpoint whole.
  writeFileSync(path.join(directory, 'checkpoint.bin.tmp'), Buffer.concat(chunks));
  writeFileSync(
    path.join(directory, 'checkpoint.json.tmp'),
    JSON.stringify({ ...state, tensors }) + '\n',
  );
  renameSync(path.join(directory, 'checkpoint.bin.tmp'), path.join(directory, 'checkpoint.bin'));
  renameSync(path.join(directory, 'checkpoint.json.tmp'), path.join(directory, 'checkpoint.json'));
}

export function readCheckpointState(directory: string): CheckpointState {
  const { tensors: _tensors, ...state } = JSON.parse(
    readFileSync(path.join(directory, 'checkpoint.json'), 'utf8'),
  ) as CheckpointState & { tensors: TensorEntry[] };
  return state;
}

/** Assigns the saved values to `parameters` (by name) and restores Adam's state into `optimizer`. */
export async function restoreCheckpoint(
  directory: string,
  parameters: Record<string, tf.Variable>,
  optimizer?: tf.Optimizer,
): Promise<void> {
  const { tensors } = JSON.parse(readFileSync(path.join(directory, 'checkpoint.json'), 'utf8')) as {
    tensors: TensorEntry[];
  };
  const binary = readFileSync(path.join(directory, 'checkpoint.bin'));
  const buffer = binary.buffer.slice(binary.byteOffset, binary.byteOffset + binary.byteLength);
  const read = (entry: TensorEntry) => {
    const size = entry.shape.reduce((a, b) => a * b, 1);
    const values =
      entry.dtype === 'int32'
        ? new Int32Array(buffer, entry.offset, size)
        : new Float32Array(buffer, entry.offset, size);
    return tf.tensor(values, entry.shape, entry.dtype);
  };
  for (const [name, variable] of Object.entries(parameters)) {
    const entry = tensors.find((t) => t.name === `param/${name}`);
    if (!entry) throw new Error(`The checkpoint has no ${name}.`);
    if (entry.shape.join() !== variable.shape.join())
      throw new Error(
        `${name}: checkpoint shape ${entry.shape.join(',')}, model ${variable.shape.join(',')}.`,
      );
    const value = read(entry);
    variable.assign(value);
    value.dispose();
  }
  if (optimizer) {
    const adam = tensors
      .filter((t) => t.name.startsWith('adam/'))
      .map((entry, i) => ({ name: i === 0 ? 'iter' : entry.name, tensor: read(entry) }));
    if (adam.length) await optimizer.setWeights(adam);
    tf.dispose(adam.map((a) => a.tensor));
  }
}
