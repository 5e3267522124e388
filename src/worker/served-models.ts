/**
 * What the worker serves for each kind of model: how to make one, what the page may call on it,
 * and the plain facts (sizes, palette, vocabulary) the page keeps at hand. Every model also
 * answers the weights calls of model-host.ts. Typed arrays the model does not keep are handed
 * over with `transfer()` instead of being copied.
 */
import { DigitVae } from '../models/digit-vae.js';
import { GanTrainer, type GanSettings } from '../models/gan-trainer.js';
import { DIGITS_GAN_CONFIG, TOY_GAN_CONFIG } from '../models/gan-config.js';
import { PixelPainter, type PaintingOptions } from '../models/pixel-rnn-painter.js';
import type { PixelRnnConfig } from '../models/pixel-rnn-config.js';
import { SentenceMorpher } from '../models/sentence-morpher.js';
import type { ModelKind, PaintedPixel } from './protocol.js';

/** A value whose typed arrays may be moved, not copied, to the page. */
export class Transfer<T = unknown> {
  constructor(
    readonly value: T,
    readonly buffers: ArrayBufferLike[],
  ) {}
}

export function transfer<T>(value: T, ...arrays: ArrayBufferView[]): Transfer<T> {
  return new Transfer(value, [...new Set(arrays.map((array) => array.buffer))]);
}

/** The options every fineTune receives from the host: the page's numbers, the worker's callbacks. */
export interface TrainingCallbacks {
  signal: AbortSignal;
  onProgress?: (progress: unknown) => void;
}

export interface ServedModel {
  model: {
    dispose(): void;
    weightBytes: number;
    setWeights(artifacts: never): Promise<void>;
    getWeights(): Promise<unknown>;
  };
  info(): unknown;
  /** One representative forward pass, for choosing the faster backend (no weights change). */
  benchmark?: () => Promise<void>;
  methods: Record<string, (args: never, training?: TrainingCallbacks) => unknown>;
}

type Lookup = (handle: number) => unknown;

export function serve(kind: ModelKind, args: unknown[], lookup: Lookup): ServedModel {
  switch (kind) {
    case 'digit-vae':
      return serveDigitVae(new DigitVae());
    case 'gan':
      return serveGan(args as Parameters<typeof createGan>);
    case 'pixel-painter':
      return servePainter(new PixelPainter(args[0] as PixelRnnConfig));
    case 'painting':
      return servePainting(lookup(args[0] as number) as PixelPainter, args[1] as PaintingOptions);
    case 'sentence-morpher':
      return serveMorpher(new SentenceMorpher());
  }
}

function serveDigitVae(vae: DigitVae): ServedModel {
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
      fineTune: ([digits, options]: [Float32Array[], object], training) =>
        vae.fineTune(digits, { ...options, ...training }),
    },
  };
}

function createGan(mode: '2d' | 'digits', settings: GanSettings, seed: number, view: number) {
  const config = mode === '2d' ? TOY_GAN_CONFIG : DIGITS_GAN_CONFIG;
  return new GanTrainer(config, settings, () => new Float32Array(), seed, view);
}

function serveGan(args: Parameters<typeof createGan>): ServedModel {
  const trainer = createGan(...args);
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
  };
}

function servePainter(painter: PixelPainter): ServedModel {
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
      fineTune: ([images, options]: [Parameters<PixelPainter['fineTune']>[0], object], training) =>
        painter.fineTune(images, { ...options, ...training }),
    },
  };
}

/** A painting draws in the worker; each step sends the page the new pixel of every image. */
function servePainting(painter: PixelPainter, options: PaintingOptions): ServedModel {
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
  };
}

function serveMorpher(morpher: SentenceMorpher): ServedModel {
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
      fineTune: ([sentences, options]: [string[], object], training) =>
        morpher.fineTune(sentences, { ...options, ...training }),
    },
  };
}

function hasVocabulary(morpher: SentenceMorpher): boolean {
  try {
    return morpher.vocabulary !== undefined;
  } catch {
    return false;
  }
}
