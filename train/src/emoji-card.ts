/**
 * MODEL_CARD.md of weights/pixel-rnn-emoji/ and weights/pixel-rnn-emoji-sigmoid/, from the
 * training script's metrics and settings.
 */
import type { PixelRnnConfig } from '../../src/models/pixel-rnn-config.js';
import type { Palette } from '../../src/data/palette.js';

/** What the card needs of the run besides its metrics. */
export interface EmojiCardContext {
  config: PixelRnnConfig;
  encoding: 'one-hot' | 'sigmoid';
  /** The weights' folder under weights/. */
  folder: string;
  /** How many images the emoji package lists, and how many of them were kept. */
  data: { listed: number; kept: number };
  /** The training flags as given (or their defaults), for the card's Training section. */
  flags: { 'learning-rate': string; 'clip-norm': string; minutes: string; 'check-every': string };
  seed: number;
  evaluateOnly: boolean;
  command: string;
  sampleSeed: number;
}

/** The figures the card reports (metrics.json). */
export interface EmojiMetrics {
  test_bits_per_pixel: number;
  validation_bits_per_pixel: number;
  palette_spread?: number;
  sample_saturation: number;
  data_saturation: number;
  sample_saturation_coloured: number;
  data_saturation_coloured: number;
  sample_coloured_fraction: number;
  data_coloured_fraction: number;
  samples_for_saturation: number;
  heldout_sample_images: number;
  heldout_sample_nll_nats: number;
  test_images: number;
  train_images: number;
  validation_images: number;
  steps: number;
  kept_step: number;
  epochs: number;
  batch_size: number;
  ms_per_step: number;
  train_seconds: number;
  total_seconds: number;
  sample_seconds: number;
  parameters: number;
  weights_bytes: number;
  weights_format: string;
  quantisation?: {
    from: string;
    to: string;
    test_bits_per_pixel_before: number;
    test_bits_per_pixel_after: number;
  };
  palette_quantisation_error: number;
  smoke: boolean;
}

export function emojiCard(m: EmojiMetrics, colours: Palette, run: EmojiCardContext): string {
  const { config: c, encoding, folder, data, flags, seed, evaluateOnly, command, sampleSeed } = run;
  const k = c.aboveHalfWidth;
  const swatches = colours
    .map((rgb) => `\`#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}\``)
    .join(' ');
  const other = encoding === 'one-hot' ? 'pixel-rnn-emoji-sigmoid' : 'pixel-rnn-emoji';
  return `# ${folder}: a PixelRNN that draws 16×16 emoji one pixel at a time (${encoding} colours)

${m.smoke ? '**SMOKE RUN: a few images and a few steps. These are not the bundled weights.**\n\n' : ''}\
The weights behind \`<pixel-rnn-canvas dataset="emoji"${encoding === 'sigmoid' ? ' color-encoding="sigmoid"' : ''}>\`${encoding === 'one-hot' ? ' (the default)' : ''}, and one
half of \`compare\`. Its twin with the other colour encoding is \`weights/${other}\`: same data, same widths.

## Model
An autoregressive model after van den Oord et al. (2016), *Pixel Recurrent Neural Networks*:
p(x) = Π p(x_{r,c} | all pixels above row r, and x_{r,0…c−1}). Code: \`src/models/pixel-rnn.ts\`
(its top comment gives the equations).

- Row LSTM over rows (state ${c.rowSize}); context ${c.contextSize} per column; pixel input ${c.inputSize}
  (ReLU) from the context, the ${c.aboveRows} rows above in columns c−${k}…c+${k} and the ${c.leftPixels} pixels to the left;
  ${c.columnLayers} column GRUs (state ${c.columnSize}, residual above the first); output head ${c.headSize} ReLU.
- **Colour encoding: ${encoding}.** ${
    encoding === 'one-hot'
      ? `Each pixel is one of the ${c.paletteSize} palette colours, in and out: the output is a softmax over
  the palette, and sampling draws one colour from it.`
      : `Each pixel is an RGB triple in [0, 1], in and out: the output is the mean colour through a
  sigmoid, trained by squared error (a Gaussian likelihood with σ = ${c.sigmoidStd}); sampling adds that
  Gaussian's noise to the mean. When the model is unsure between colours it predicts their average.`
  }
- ${m.parameters.toLocaleString('en')} parameters; TF.js format, ${m.weights_format === 'uint8' ? '8-bit quantised (uint8 per tensor; biases float16)' : 'float16-quantised'}, ${(m.weights_bytes / 1024).toFixed(0)} KB. Every
  figure below is measured on the weights as shipped.${m.quantisation ? ` Quantisation, ${m.quantisation.from} → ${m.quantisation.to}: test ${m.quantisation.test_bits_per_pixel_before} → ${m.quantisation.test_bits_per_pixel_after} bits per pixel.` : ''}

## Data and licence
**Twemoji graphics by Twitter, CC-BY 4.0** (https://creativecommons.org/licenses/by/4.0/), from the
npm package emoji-datasource-twitter@16.0.0. Of its ${data.listed} images, flags, skin-tone components and
skin-tone variants are left out: ${data.kept} remain. Each 64 px PNG is composited on white and
box-downsampled to 16×16. A fixed-seed shuffle holds out 10% (${m.test_images} images) for testing and 5%
(${m.validation_images}) for choosing the checkpoint; ${m.train_images} train. A palette of 32 colours by k-means
(k-means++, fixed seed) on the training pixels; every pixel is replaced by its nearest palette
colour (mean RGB error ${m.palette_quantisation_error} on the test images, 0–255 scale). Both encodings train
on these palette-quantised images (the sigmoid model on their RGB values). Palette, light to dark:
${swatches}

## Training
- Adam, batch ${m.batch_size}, learning rate ${flags['learning-rate']} (200 warm-up steps, cosine decay to a twentieth),
  gradient norm clipped at ${flags['clip-norm']}, seed ${seed}. Each training image is mirrored left to right
  with probability ½ and moved by −1, 0 or 1 pixel in x and in y (white fills the uncovered edge).
- ${m.steps} steps = ${m.epochs} epochs, median ${m.ms_per_step} ms per step. Bounded by a time budget of
  ${flags.minutes} minutes. Every ${flags['check-every']} steps the validation bits per pixel are measured; the weights of
  the best check (step ${m.kept_step}) are the ones kept.
- Node ${process.version}, TF.js WASM backend (SIMD, one thread), 2 CPU cores (shared with other runs).
- Command (from the repository root): \`${evaluateOnly ? command.replace(' --evaluate', '').replace(/ --weights-format \w+/, '') : command}\`${evaluateOnly ? `; figures re-measured on the shipped weights with \`${command}\`` : ''}
- Time: ${(m.train_seconds / 60).toFixed(1)} minutes training, ${(m.total_seconds / 60).toFixed(1)} minutes in all.

## Test metrics
| metric | value |
|---|---|
| held-out bits per pixel, over the 32-colour palette | **${m.test_bits_per_pixel}** ${encoding === 'one-hot' ? '(target ≤ 1.3)' : '(the ≤ 1.3 target is set for the one-hot model)'} |
| mean saturation of ${m.samples_for_saturation} samples (temperature 1) | **${m.sample_saturation}** |
| mean saturation of the held-out images | ${m.data_saturation} |
| the same over coloured pixels only (not near-white background), samples | **${m.sample_saturation_coloured}** (${pct(m.sample_coloured_fraction)} of their pixels are coloured) |
| the same over coloured pixels only, held-out images | ${m.data_saturation_coloured} (${pct(m.data_coloured_fraction)} of their pixels) |
| NLL of the shipped held-out sample (\`heldout-sample.png\`, the first ${m.heldout_sample_images} test images) | ${m.heldout_sample_nll_nats} nats per image${encoding === 'sigmoid' ? ' (Gaussian density, σ = ' + c.sigmoidStd + ')' : ''} |

${
  encoding === 'one-hot'
    ? 'Bits per pixel: −log₂ p(colour index), averaged over every pixel of the held-out images.'
    : `Bits per pixel: the sigmoid's mean μ turned into a distribution over the same 32 palette colours,
p(k) ∝ exp(−|c_k − μ|² / 2s²), with s = ${m.palette_spread} picked from a grid on the validation split, so that the
two encodings answer the same question. (Its own Gaussian density is not comparable with a
probability over 32 colours.)`
}
Saturation: HSV saturation (max − min) / max per pixel, averaged over all pixels (white is 0), and
over the coloured pixels only (any channel below 0.9): the first mixes how colourful the colours
are with how much of the image is background; the second asks only the first question.

## Samples
\`samples.png\`: 64 of the ${m.samples_for_saturation} samples (seed ${sampleSeed}, temperature 1), shown 4× larger, drawn
one pixel at a time; all ${m.samples_for_saturation} as one batch took ${m.sample_seconds} s in Node.

The same figures, machine-readable: \`metrics.json\`.
`;
}

function pct(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}
