/** The GAN's two architectures: plain data, for the arena and the model alike. */

export interface GanConfig {
  /** Size of the noise vector z. */
  noiseSize: number;
  generatorHidden: number[];
  /** Size of one sample x (2 for points in the plane, 784 for 28×28 digits). */
  dataSize: number;
  /** 'sigmoid' squashes G's output into [0, 1] (pixel intensities); 'linear' leaves it free. */
  generatorOutput: 'linear' | 'sigmoid';
  discriminatorHidden: number[];
  /** Slope of the LeakyReLU used by every hidden layer of both networks. */
  leakySlope: number;
  /**
   * Convolutional networks for square images (a DCGAN); absent: perceptrons with the hidden
   * sizes above (which are then empty).
   */
  convolutional?: ConvolutionalGanLayout;
}

/**
 * G: z → dense → baseSize² × channels[0] → transposed convolutions (stride 2) through channels[1…]
 * → one channel at imageSize². D mirrors it with stride-2 convolutions, then one dense logit.
 */
export interface ConvolutionalGanLayout {
  imageSize: number;
  baseSize: number;
  /** Channels from the smallest feature map outwards, e.g. [64, 32]: G's order; D reads it backwards. */
  channels: number[];
  filterSize: number;
  /**
   * D also sees how much its last features vary across the batch (one extra input to its logit):
   * a generator that makes the same digit over and over is then easy to spot.
   */
  minibatchDeviation: boolean;
  /**
   * G normalises each hidden feature map over the batch (Ioffe and Szegedy, 2015), with moving
   * statistics for sampling, as the DCGAN paper does; absent or false: no normalisation.
   */
  batchNorm?: boolean;
}

/** Tiny networks for points in the plane, small enough to train live at animation speed. */
export const TOY_GAN_CONFIG: GanConfig = {
  noiseSize: 4,
  generatorHidden: [64, 64],
  dataSize: 2,
  generatorOutput: 'linear',
  discriminatorHidden: [64, 64],
  leakySlope: 0.2,
};

/** The dense digits model: 64 → 256 → 512 → 784 and 784 → 512 → 256 → 1. */
export const DENSE_DIGITS_GAN_CONFIG: GanConfig = {
  noiseSize: 64,
  generatorHidden: [256, 512],
  dataSize: 784,
  generatorOutput: 'sigmoid',
  discriminatorHidden: [512, 256],
  leakySlope: 0.2,
};

/**
 * A DCGAN for digits: z (64) → 7×7×32 → 14×14×16 → 28×28×1, and 28×28 → 14×14×16 → 7×7×32 → 1,
 * 4×4 filters. Narrow enough for about ten rounds a second in the page (WASM, batch 64).
 */
export const CONV_DIGITS_GAN_CONFIG: GanConfig = {
  noiseSize: 64,
  generatorHidden: [],
  dataSize: 784,
  generatorOutput: 'sigmoid',
  discriminatorHidden: [],
  leakySlope: 0.2,
  convolutional: {
    imageSize: 28,
    baseSize: 7,
    channels: [32, 16],
    filterSize: 4,
    minibatchDeviation: true,
  },
};

/** The bundled digits model (weights/gan-digits/). */
export const DIGITS_GAN_CONFIG = DENSE_DIGITS_GAN_CONFIG;
