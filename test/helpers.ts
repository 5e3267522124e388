// Shared test helpers. The sources find their assets (weights, .wasm) through their own literal
// URLs, which the test server answers from the project root.
import * as tf from '@tensorflow/tfjs-core';
import { modelConnection } from '../src/worker/connection.js';
import type { SentenceVaeConfig } from '../src/models/plain-types.js';

/**
 * The smallest sentence VAE, for tests of its mechanics: 262 pieces are the specials, the 256
 * bytes, the space mark and one letter (the least a vocabulary has).
 */
export const TINY_SENTENCE_VAE: SentenceVaeConfig = {
  vocabularySize: 262,
  maxTokens: 6,
  embeddingSize: 5,
  encoderSize: 7,
  decoderSize: 6,
  latentSize: 3,
};

/** A file of the project, e.g. repoFile('weights/vae-digits/model.json'). */
export function repoFile(path: string): string {
  return new URL(`/${path}`, location.origin).href;
}

/** A JSON file fetched and parsed, read as the type the caller knows it to have. */
export async function fetchJson<T>(url: string): Promise<T> {
  return (await (await fetch(url)).json()) as T;
}

/** The values of some variables, read back (to compare before and after a step). */
export async function variableValues(variables: tf.Variable[]): Promise<Float32Array[]> {
  return Promise.all(variables.map(async (v) => (await v.data()) as Float32Array));
}

/** Whether two lists of arrays hold exactly the same numbers. */
export function sameValues(a: Float32Array[], b: Float32Array[]): boolean {
  return a.every(
    (array, i) => array.length === b[i].length && array.every((v, j) => v === b[i][j]),
  );
}

/** Tensors alive in this page's TF.js (the model tests run their models here). */
export function tensorCount(): number {
  return tf.memory().numTensors;
}

/** Tensors alive where the elements' models run: the page's worker, or the page. */
export async function modelTensorCount(): Promise<number> {
  return (await modelConnection().memory()).numTensors;
}

/** Waits for an event on `target`, failing after `ms`. */
export function nextEvent<T = unknown>(
  target: EventTarget,
  name: string,
  ms = 60000,
): Promise<CustomEvent<T>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${name}`)), ms);
    target.addEventListener(
      name,
      (event) => {
        clearTimeout(timer);
        resolve(event as CustomEvent<T>);
      },
      { once: true },
    );
  });
}

/** Mean and standard deviation of numbers. */
export function meanAndStd(values: ArrayLike<number>): { mean: number; std: number } {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  const mean = sum / values.length;
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (values[i] - mean) ** 2;
  return { mean, std: Math.sqrt(squares / values.length) };
}

/**
 * Waits until elements removed by earlier tests have freed their tensors (removal frees a
 * model a task later, asynchronously): the count must hold still for a few polls.
 */
export async function settledTensorCount(): Promise<number> {
  let last = await modelTensorCount();
  for (let stable = 0; stable < 3;) {
    await new Promise((resolve) => setTimeout(resolve, 40));
    const now = await modelTensorCount();
    stable = now === last ? stable + 1 : 0;
    last = now;
  }
  return last;
}

/** A promise's rejection, or a failure if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

/** A "1", light ink on dark like MNIST, `size` px square: a training example for the digit models. */
export function digitOne(size = 28): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const context = canvas.getContext('2d')!;
  const px = size / 28;
  context.fillStyle = '#000';
  context.fillRect(0, 0, size, size);
  context.fillStyle = '#fff';
  context.fillRect(12 * px, 4 * px, 4 * px, 20 * px);
  return canvas;
}
