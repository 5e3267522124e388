/**
 * The PixelRNN training loop shared by the digits and emoji scripts. The run is bounded by
 * wall-clock time: the learning rate follows a cosine over whichever comes first, the planned
 * steps or the time budget, and training stops at the end of either. Every `checkEvery` steps the
 * caller's `check` scores the model (lower is better); the best weights seen are kept and
 * restored at the end, so a run that starts to overfit a small dataset ends on its best point.
 */
import type * as tfTypes from '@tensorflow/tfjs-core';
import type { PixelRnn } from '../../src/models/pixel-rnn.js';

/** The command-line flags of both PixelRNN scripts (each adds its own, and --out). */
export const PIXEL_RNN_FLAGS = {
  // Upper bound; in practice the time budget (--minutes) ends the run.
  steps: { type: 'string', default: '100000' },
  minutes: { type: 'string', default: '40' },
  'batch-size': { type: 'string', default: '32' },
  'learning-rate': { type: 'string', default: '0.002' },
  'clip-norm': { type: 'string', default: '1000' },
  seed: { type: 'string', default: '1' },
  smoke: { type: 'boolean', default: false },
  bench: { type: 'boolean', default: false },
  evaluate: { type: 'boolean', default: false },
  // 'float16', or 'uint8' (8-bit affine per large tensor, float16 for the small ones); with
  // --evaluate, the weights in --out are measured as they are, then in this format, and rewritten.
  'weights-format': { type: 'string', default: 'float16' },
} as const;

/** The --weights-format flag, checked. */
export function weightsFormatFlag(text: string): 'float16' | 'uint8' {
  if (text !== 'float16' && text !== 'uint8')
    throw new Error(`--weights-format is 'float16' or 'uint8', not "${text}".`);
  return text;
}

export interface PixelRnnLoopOptions {
  tf: typeof tfTypes;
  model: PixelRnn;
  /** A fresh training batch, in the model's input form; the loop disposes it. */
  nextBatch: () => tfTypes.Tensor;
  /** For the progress log: how many steps make one epoch. */
  stepsPerEpoch: number;
  plannedSteps: number;
  budgetSeconds: number;
  learningRate: number;
  clipNorm: number;
  log: (message: string) => void;
  /** Log the training loss every this many steps (0: never). */
  logEvery: number;
  check?: { every: number; score: () => Promise<number>; label: string };
}

export interface PixelRnnLoopResult {
  steps: number;
  trainSeconds: number;
  msPerStep: number;
  /** The step whose weights were kept, and its score (when checked). */
  bestStep?: number;
  bestScore?: number;
}

export async function trainPixelRnn(o: PixelRnnLoopOptions): Promise<PixelRnnLoopResult> {
  const { tf, model, log } = o;
  const optimizer = tf.train.adam(o.learningRate);
  const setRate = (rate: number) =>
    ((optimizer as unknown as { learningRate: number }).learningRate = rate);
  let best: { step: number; score: number; values: Map<string, Float32Array> } | undefined;
  let step = 0;
  let windowLoss = 0;
  let windowSteps = 0;
  let windowStart = Date.now();
  const stepTimes: number[] = [];
  const start = Date.now();
  const elapsed = () => (Date.now() - start) / 1000;

  const checkpoint = async () => {
    if (!o.check) return;
    const score = await o.check.score();
    const improved = !best || score < best.score;
    log(`step ${step}: ${o.check.label} ${score.toFixed(4)}${improved ? ' (best so far)' : ''}`);
    if (improved) {
      const values = new Map<string, Float32Array>();
      for (const [name, variable] of Object.entries(model.namedParameters()))
        values.set(name, (await variable.data()) as Float32Array);
      best = { step, score, values };
    }
  };

  while (step < o.plannedSteps && elapsed() < o.budgetSeconds) {
    const progress = Math.min(1, Math.max(step / o.plannedSteps, elapsed() / o.budgetSeconds));
    // Cosine decay to a twentieth of the base rate, after a short warm-up.
    const warmup = Math.min(1, (step + 1) / 200);
    setRate(o.learningRate * warmup * (0.05 + 0.95 * 0.5 * (1 + Math.cos(Math.PI * progress))));
    const stepStart = Date.now();
    const images = o.nextBatch();
    const loss = model.trainStep(optimizer, images, { clipNorm: o.clipNorm });
    const value = (await loss.data())[0];
    tf.dispose([images, loss]);
    stepTimes.push(Date.now() - stepStart);
    if (!Number.isFinite(value))
      throw new Error(`training diverged at step ${step} (loss ${value})`);
    windowLoss += value;
    windowSteps++;
    step++;
    if (o.logEvery > 0 && step % (step <= 500 ? Math.min(50, o.logEvery) : o.logEvery) === 0) {
      const ms = (Date.now() - windowStart) / windowSteps;
      log(
        `step ${step} (epoch ${(step / o.stepsPerEpoch).toFixed(2)}): train NLL ${(windowLoss / windowSteps).toFixed(2)} nats, ` +
          `${ms.toFixed(0)} ms/step, lr ${(optimizer as unknown as { learningRate: number }).learningRate.toExponential(2)}, tensors ${tf.memory().numTensors}`,
      );
      windowLoss = 0;
      windowSteps = 0;
      windowStart = Date.now();
    }
    if (o.check && step % o.check.every === 0) await checkpoint();
  }
  const trainSeconds = elapsed();
  if (o.check && best?.step !== step) await checkpoint();
  if (best) {
    for (const [name, variable] of Object.entries(model.namedParameters())) {
      const restored = tf.tensor(best.values.get(name)!, variable.shape);
      variable.assign(restored);
      restored.dispose();
    }
    log(`kept the weights of step ${best.step} (${o.check!.label} ${best.score.toFixed(4)})`);
  }
  optimizer.dispose();
  const steady = stepTimes.slice(Math.min(5, stepTimes.length - 1)).sort((a, b) => a - b);
  return {
    steps: step,
    trainSeconds,
    msPerStep: steady[Math.floor(steady.length / 2)],
    bestStep: best?.step,
    bestScore: best?.score,
  };
}

/** Rounds every weight to float16 and back, so that evaluation sees the weights as shipped. */
export async function roundToFloat16(
  tf: typeof tfTypes,
  model: PixelRnn,
  toHalf: (values: Float32Array) => Float32Array,
): Promise<void> {
  for (const variable of Object.values(model.namedParameters())) {
    const rounded = tf.tensor(toHalf((await variable.data()) as Float32Array), variable.shape);
    variable.assign(rounded);
    rounded.dispose();
  }
}
