/**
 * What <vae-latent-explorer>'s parts (its controllers and templates) may use of the element: the
 * services every element gives its parts, and the explorer's own state, read live (a part never
 * keeps a copy that could go stale), with the few actions the parts ask of it.
 */
import type { SweepSpec } from '../../src/data/latent-grid.js';
import type { ImageInput } from '../../src/data/digit-image.js';
import type { RemoteModel } from '../../src/worker/remote-model.js';
import type { ElementContext } from '../shared/element-context.js';
import type { Lang } from '../shared/i18n.js';
import type { STRINGS } from './strings.js';
import type { MapPoint } from './types.js';

export type ExplorerStrings = (typeof STRINGS)[Lang];

export interface ExplorerContext extends ElementContext<ExplorerStrings> {
  /** The VAE, or undefined before it is made and once released. */
  model(): RemoteModel<'digit-vae'> | undefined;
  /** The centre code, as the element keeps it (change it with `setCode`). */
  code(): Float32Array;
  /** The grid in use around the centre code: the swept dimensions, cells per side and range. */
  sweep(): SweepSpec;
  /** `show-map`: the test digits' codes are drawn beside the grid. */
  showMap(): boolean;
  /** `show-noise`: the encoder's σ is drawn around the code. */
  showNoise(): boolean;
  /** The starters' codes for `show-map`. */
  mapPoints(): MapPoint[];
  /** A draw from N(0, 1) from the element's random stream (`seed` makes it repeatable). */
  normal(): number;
  /** Makes `code` the centre of the grid (the element's `setCode`, with its `code-change`). */
  setCode(code: ArrayLike<number>): void;
  /** The element's `interpolate`: frames between the codes of two images. */
  interpolate(imageA: ImageInput, imageB: ImageInput, steps: number): Promise<ImageData[]>;
  /** Encodes the starters again for the map. */
  encodeMap(): Promise<void>;
}
