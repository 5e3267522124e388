/**
 * The three bundled PixelRNNs, which of them the attributes select, and the painters (models in
 * the worker) loaded for them. What must outlive a painter is kept here: its weights while the
 * element is off the page, and its palette, so the UI keeps its colours meanwhile.
 */
import { PainterProxy } from '../../src/worker/painter-proxy.js';
import {
  DIGITS_PIXEL_RNN_CONFIG,
  EMOJI_PIXEL_RNN_CONFIG,
  EMOJI_SIGMOID_PIXEL_RNN_CONFIG,
  type PixelRnnConfig,
} from '../../src/models/pixel-rnn-config.js';
import {
  DIGIT_PALETTE,
  rgbToImageData,
  valuesToRgb,
  type PixelFormat,
} from '../../src/data/pixel-images.js';
import type { Palette } from '../../src/data/palette.js';
import type {
  BundledWeights,
  WeightsArtifacts,
  WeightsSource,
} from '../../src/runtime/weights-source.js';
import { pixelRnnFiles, type ModelKey } from './assets.js';
import type { CanvasSettings } from './types.js';

/** The three bundled models. */
export const MODELS: Record<ModelKey, { config: PixelRnnConfig; folder: string }> = {
  digits: { config: DIGITS_PIXEL_RNN_CONFIG, folder: 'pixel-rnn-digits' },
  emoji: { config: EMOJI_PIXEL_RNN_CONFIG, folder: 'pixel-rnn-emoji' },
  'emoji-sigmoid': { config: EMOJI_SIGMOID_PIXEL_RNN_CONFIG, folder: 'pixel-rnn-emoji-sigmoid' },
};

/** The model the attributes select (the one-hot one when comparing). */
export function mainKeyOf(settings: CanvasSettings): ModelKey {
  if (settings.dataset === 'digits') return 'digits';
  return settings.encoding === 'sigmoid' && !settings.comparing ? 'emoji-sigmoid' : 'emoji';
}

/** The models drawn side by side: two when comparing. */
export function panelKeysOf(settings: CanvasSettings): ModelKey[] {
  return settings.comparing ? ['emoji', 'emoji-sigmoid'] : [mainKeyOf(settings)];
}

/** Width (and height) of the main model's images. */
export function imageSizeOf(settings: CanvasSettings): number {
  return MODELS[mainKeyOf(settings)].config.height;
}

function bundledWeights(key: ModelKey): BundledWeights {
  return pixelRnnFiles(key).weights;
}

export class PainterSet {
  readonly #painters = new Map<ModelKey, PainterProxy>();
  readonly #palettes = new Map<ModelKey, Palette>();
  readonly #retainedWeights = new Map<ModelKey, WeightsArtifacts>();

  get(key: ModelKey): PainterProxy | undefined {
    return this.#painters.get(key);
  }

  /**
   * Creates and loads the painters the panels need; `source` goes to the main model. Weights kept
   * while the element was off the page come back first.
   */
  async ensure(settings: CanvasSettings, source: string | null): Promise<void> {
    for (const key of panelKeysOf(settings)) {
      const existing = this.#painters.get(key);
      if (existing && !(key === mainKeyOf(settings) && source)) continue;
      const painter = existing ?? (await PainterProxy.open(MODELS[key].config));
      try {
        const retained = this.#retainedWeights.get(key);
        if (retained) await painter.setWeights(retained);
        else
          await painter.loadWeights(
            key === mainKeyOf(settings) && source ? source : bundledWeights(key),
          );
        this.#retainedWeights.delete(key);
      } catch (error) {
        if (!existing) painter.dispose();
        throw error;
      }
      this.#painters.set(key, painter);
    }
  }

  /** The bundled weights `ensure(settings, source)` would download. */
  bundledToLoad(settings: CanvasSettings, source: string | null): BundledWeights[] {
    return panelKeysOf(settings)
      .filter((key) => !this.#painters.has(key) && !this.#retainedWeights.has(key))
      .filter((key) => !(key === mainKeyOf(settings) && source))
      .map(bundledWeights);
  }

  /** Loads `source` (or the bundled weights) into a loaded painter. */
  async loadWeights(key: ModelKey, source: WeightsSource | 'bundled'): Promise<void> {
    await this.#painters.get(key)!.loadWeights(source === 'bundled' ? bundledWeights(key) : source);
  }

  /** Frees every painter, keeping its weights for when the element comes back. */
  async release(): Promise<void> {
    for (const [key, painter] of this.#painters) {
      this.#retainedWeights.set(key, await painter.getWeights());
      painter.dispose();
    }
    this.#painters.clear();
  }

  formatOf(key: ModelKey): PixelFormat {
    const { config } = MODELS[key];
    const loaded = this.#painters.get(key)?.palette;
    // Remembered, so the UI keeps its colours while the model is away (removed from the page).
    if (loaded) this.#palettes.set(key, loaded);
    const palette =
      key === 'digits'
        ? DIGIT_PALETTE
        : (this.#palettes.get(key) ?? this.#palettes.get('emoji') ?? DIGIT_PALETTE);
    return {
      size: config.height,
      encoding: config.encoding,
      palette,
      kind: key === 'digits' ? 'digits' : 'colour',
    };
  }

  /** A palette-index image as ImageData in `key`'s palette, for the held-out and training strips. */
  thumbnail(key: ModelKey, indices: Int32Array): ImageData {
    const format = this.formatOf(key);
    return rgbToImageData(valuesToRgb(indices, { ...format, encoding: 'one-hot' }), format.size);
  }
}
