/**
 * The table of what the worker serves: for each kind of model, how to make one, what the page may
 * call on it, and the plain facts (sizes, palette, vocabulary) the page keeps at hand. The page's
 * side (served-types.ts) takes every call's argument and result types from this table, so the two
 * sides cannot drift. Every model also answers the weights calls of model-host.ts. Typed arrays
 * the model does not keep are handed over with `transfer()` instead of being copied.
 */
import { DigitVae } from '../models/digit-vae.js';
import { GanTrainer, type GanSettings } from '../models/gan-trainer.js';
import { DIGITS_GAN_CONFIG, TOY_GAN_CONFIG } from '../models/gan-config.js';
import { PixelPainter, type PaintingOptions } from '../models/pixel-rnn-painter.js';
import type { PixelRnnConfig } from '../models/pixel-rnn-config.js';
import { SentenceMorpher } from '../models/sentence-morpher.js';
import type { FineTuneOptions, TrainingProgress } from '../runtime/step-loop.js';
import type * as tf from '@tensorflow/tfjs-core';

/** A value whose typed arrays may be moved, not copied, to the page. */
export class Transfer<T = unknown> {
  constructor(
    readonly value: T,
    readonly buffers: Transferable[],
  ) {}
}

export function transfer<T>(value: T, ...arrays: ArrayBufferView[]): Transfer<T> {
  const buffers = new Set(arrays.map((array) => array.buffer));
  // (a SharedArrayBuffer is shared, not handed over)
  return new Transfer(
    value,
    [...buffers].filter((buffer) => buffer instanceof ArrayBuffer),
  );
}

/** The options every fineTune receives from the host: the page's numbers, the worker's callbacks. */
export interface TrainingCallbacks {
  signal: AbortSignal;
  onProgress?: (progress: TrainingProgress) => void;
}

/** A fineTune's options as they travel: its numbers (the signal and progress stay in the page). */
export type TrainingNumbers = Omit<FineTuneOptions, 'signal' | 'onProgress'>;

/** A served method: its arguments come as one array (as they travel); a training's, callbacks. */
export type ServedMethod = (args: never, training?: TrainingCallbacks) => unknown;

/** What the host keeps of each model: the model, its facts, its methods. */
export interface ServedModel<
  Info = unknown,
  Methods extends Record<string, ServedMethod> = Record<string, ServedMethod>,
> {
  model: {
    dispose(): void;
    weightBytes: number;
    setWeights(artifacts: tf.io.ModelArtifacts): Promise<void>;
    getWeights(): Promise<tf.io.ModelArtifacts>;
  };
  info(): Info;
  /** One representative forward pass, for choosing the faster backend (no weights change). */
  benchmark?: () => Promise<void>;
  methods: Methods;
}

/** How a model that is made from another finds it (a painting, its painter). */
export type ModelLookup = (handle: number) => ServedModel['model'] | undefined;

/**
 * Every kind of model the host can make: `create(lookup, ...args)`. The page's `create(kind,
 * args)` and `call(method, args)` are typed from here (served-types.ts).
 */
export const SERVED_MODELS = {
  'digit-vae': () => serveDigitVae(new DigitVae()),
  gan: (_: ModelLookup, ...args: Parameters<typeof createGan>) => serveGan(createGan(...args)),
  'pixel-painter': (_: ModelLookup, config: PixelRnnConfig) =>
    servePainter(new PixelPainter(config)),
  painting: (lookup: ModelLookup, painter: number, options: PaintingOptions) => {
    const model = lookup(painter);
    if (!(model instanceof PixelPainter))
      throw new TypeError('A painting needs a PixelRNN painter.');
    return servePainting(model, options);
  },
  'sentence-morpher': () => serveMorpher(new SentenceMorpher()),
} satisfies Record<string, (lookup: ModelLookup, ...args: never[]) => ServedModel>;

function serveDigitVae(vae: DigitVae) {
  return {
    model: vae,
    info: () => ({ latentSize: vae.latentSize, weightBytes: vae.weightBytes }),
    benchmark: () => vae.decode(new Float32Array(81 * vae.latentSize), 81).then(() => undefined),
    methods: {
      encode: ([digits]: [Float32Array[]]) => vae.encode(digits),
      decode: async ([codes, count]: [Float32Array, number]) => {
        const images = await vae.decode(codes, count);
        return transfer(images, images);
      },
      imageLosses: ([digit]: [Float32Array]) => vae.imageLosses(digit),
      fineTune: (
        [digits, options]: [Float32Array[], TrainingNumbers],
        training?: TrainingCallbacks,
      ) => vae.fineTune(digits, { ...options, ...training }),
    },
  } satisfies ServedModel;
}

function createGan(mode: '2d' | 'digits', settings: GanSettings, seed: number, view: number) {
  const config = mode === '2d' ? TOY_GAN_CONFIG : DIGITS_GAN_CONFIG;
  return new GanTrainer(config, settings, () => new Float32Array(), seed, view);
}

function serveGan(trainer: GanTrainer) {
  return {
    model: trainer,
    info: () => ({ rounds: trainer.rounds, weightBytes: trainer.weightBytes }),
    benchmark: () => trainer.sample(256, { seed: 1 }).then(() => undefined),
    methods: {
      setRealData: ([data]: Parameters<GanTrainer['setRealData']>) => trainer.setRealData(data),
      updateSettings: ([changes]: [Partial<GanSettings>]) => trainer.updateSettings(changes),
      reset: ([seed]: [number]) => trainer.reset(seed),
      round: async ([only]: Parameters<GanTrainer['round']>) => ({
        ...(await trainer.round(only)),
        rounds: trainer.rounds,
      }),
      play: async ([budgetMs, maxRounds]: [number, number]) => ({
        played: await trainer.play(budgetMs, maxRounds),
        rounds: trainer.rounds,
      }),
      sample: async ([n, options]: Parameters<GanTrainer['sample']>) => {
        const samples = await trainer.sample(n, options);
        return transfer(samples, samples);
      },
      fixedSamples: async ([options]: Parameters<GanTrainer['fixedSamples']>) => {
        const view = await trainer.fixedSamples(options);
        return transfer(view, view.samples, view.realness);
      },
      latentWalk: async ([steps, seeds, options]: Parameters<GanTrainer['latentWalk']>) => {
        const walk = await trainer.latentWalk(steps, seeds, options);
        return transfer(walk, walk);
      },
      planeView: async ([size, domain]: Parameters<GanTrainer['planeView']>) => {
        const view = await trainer.planeView(size, domain);
        return transfer(view, view.generated, view.arrows, view.decision);
      },
    },
  } satisfies ServedModel;
}

function servePainter(painter: PixelPainter) {
  return {
    model: painter,
    info: () => ({
      config: painter.config,
      palette: painter.palette,
      valueDepth: painter.valueDepth,
      distributionDepth: painter.distributionDepth,
      weightBytes: painter.weightBytes,
    }),
    benchmark: () => {
      const { height, width } = painter.config;
      const blank =
        painter.valueDepth === 1
          ? new Int32Array(height * width)
          : new Float32Array(height * width * 3);
      return painter.nll([blank, blank, blank, blank]).then(() => undefined);
    },
    methods: {
      nll: async ([images]: [Parameters<PixelPainter['nll']>[0]]) => {
        const nll = await painter.nll(images);
        return transfer(nll, nll);
      },
      fineTune: (
        [images, options]: [Parameters<PixelPainter['fineTune']>[0], TrainingNumbers],
        training?: TrainingCallbacks,
      ) => painter.fineTune(images, { ...options, ...training }),
    },
  } satisfies ServedModel;
}

/** One pixel a painting drew in the host: where, and for every image its value and prediction. */
export interface PaintedPixel {
  row: number;
  column: number;
  /** Per image, the pixel's value(s): a palette index, or an RGB triple. */
  values: number[][];
  /** Per image, what the model predicted there. */
  predictions: Float32Array[];
}

/** A painting draws in the worker; each step sends the page the new pixel of every image. */
function servePainting(painter: PixelPainter, options: PaintingOptions) {
  const painting = painter.startPainting(options);
  const { width } = painter.config;
  const { valueDepth, distributionDepth } = painter;
  return {
    model: {
      dispose: () => painting.dispose(),
      weightBytes: 0,
      setWeights: () => Promise.reject(new Error('A painting has no weights of its own.')),
      getWeights: () => Promise.reject(new Error('A painting has no weights of its own.')),
    },
    info: () => ({
      count: painting.count,
      fromRow: painting.fromRow,
      done: painting.done,
      position: painting.position,
      images: painting.images,
    }),
    methods: {
      /** Draws up to `n` pixels; returns, for each, every image's value and prediction there. */
      steps: async ([n]: [number]) => {
        const drawn: PaintedPixel[] = [];
        while (drawn.length < n && !painting.done) {
          const { row, column } = await painting.step();
          const pixel = row * width + column;
          drawn.push({
            row,
            column,
            values: painting.images.map((image) =>
              Array.from(image.subarray(pixel * valueDepth, (pixel + 1) * valueDepth)),
            ),
            predictions: painting.predictions.map((p) =>
              p.slice(pixel * distributionDepth, (pixel + 1) * distributionDepth),
            ),
          });
        }
        return { drawn, done: painting.done };
      },
    },
  } satisfies ServedModel;
}

function serveMorpher(morpher: SentenceMorpher) {
  return {
    model: morpher,
    info: () => ({
      config: morpher.config,
      pieces: hasVocabulary(morpher) ? morpher.vocabulary.pieces : null,
      weightBytes: morpher.weightBytes,
    }),
    benchmark: async () => {
      if (!hasVocabulary(morpher)) return;
      const codes = Array.from({ length: 5 }, (_, i) =>
        new Float32Array(morpher.config.latentSize).fill(i / 5),
      );
      await morpher.decode(codes);
    },
    methods: {
      encode: ([text]: [string]) => morpher.encode(text),
      decode: ([codes, options]: Parameters<SentenceMorpher['decode']>) =>
        morpher.decode(codes, options),
      morph: ([from, to, steps, options]: Parameters<SentenceMorpher['morph']>) =>
        morpher.morph(from, to, steps, options),
      fineTune: ([sentences, options]: [string[], TrainingNumbers], training?: TrainingCallbacks) =>
        morpher.fineTune(sentences, { ...options, ...training }),
    },
  } satisfies ServedModel;
}

function hasVocabulary(morpher: SentenceMorpher): boolean {
  try {
    return morpher.vocabulary !== undefined;
  } catch {
    return false;
  }
}
