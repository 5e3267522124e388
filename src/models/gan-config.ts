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

/** The bundled digits model (weights/gan-digits/): 64 → 256 → 512 → 784 and 784 → 512 → 256 → 1. */
export const DIGITS_GAN_CONFIG: GanConfig = {
  noiseSize: 64,
  generatorHidden: [256, 512],
  dataSize: 784,
  generatorOutput: 'sigmoid',
  discriminatorHidden: [512, 256],
  leakySlope: 0.2,
};
