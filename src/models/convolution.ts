/**
 * Convolution layers that train fast on every backend, the WASM one included.
 *
 * TF.js's WASM backend runs a forward convolution (Conv2D) through XNNPACK, but it has no
 * Conv2DBackpropFilter (so tf.conv2d's built-in gradient fails there), and its
 * Conv2DBackpropInput, which is also the transposed convolution, is a plain loop 5-8x slower than
 * Conv2D. So every layer here is built from one primitive, a stride-1 'valid' convolution, whose
 * value and both gradients are forward convolutions:
 *
 *     y  = x ⋆ W                                  (valid correlation)
 *     ∂x = pad(∂y, k − 1) ⋆ rot180(W)ᵀ            (full correlation with the flipped filter)
 *     ∂W = xᵀ ⋆ ∂yᵀ                               (batch and channels swapped: the sum over the
 *                                                  batch becomes the sum over input channels)
 *
 * A stride-s convolution with 'same' padding is then: pad, cut the image into s×s blocks stacked
 * as channels (space to depth), and run a stride-1 convolution with the filter rearranged the
 * same way. Its transposed convolution is its exact adjoint, built from the same pieces in
 * reverse order. Reshapes, transposes, pads and slices have gradients everywhere.
 */
import * as tf from '@tensorflow/tfjs-core';

export interface ConvParams {
  /** [height, width, inChannels, outChannels] for a convolution; [h, w, out, in] when transposed. */
  filter: tf.Variable;
  bias: tf.Variable; // [outChannels]
}

type Filter = tf.Tensor4D | tf.Variable;

/** The one primitive: y = x ⋆ W, stride 1, no padding, with the gradients written as convolutions. */
const convolveValid = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [x, filter] = args as tf.Tensor4D[];
  const save = args[2] as tf.GradSaveFunc;
  save([x, filter]);
  return {
    value: tf.conv2d(x, filter, 1, 'valid'),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [savedX, savedFilter] = saved as tf.Tensor4D[];
      const dy4d = dy as tf.Tensor4D;
      const [height, width] = savedFilter.shape;
      const fullDy = tf.pad(dy4d, [
        [0, 0],
        [height - 1, height - 1],
        [width - 1, width - 1],
        [0, 0],
      ]);
      const dx = tf.conv2d(fullDy, flipped(savedFilter), 1, 'valid');
      const channelsAsBatch = tf.transpose(savedX, [3, 1, 2, 0]); // [in, H, W, n]
      const dyAsFilter = tf.transpose(dy4d, [1, 2, 0, 3]); // [outH, outW, n, out]
      const dFilter = tf.transpose(
        tf.conv2d(channelsAsBatch, dyAsFilter, 1, 'valid'),
        [1, 2, 0, 3],
      );
      return [dx, dFilter];
    },
  };
});

function convolve(x: tf.Tensor4D, filter: Filter): tf.Tensor4D {
  return convolveValid(x, filter);
}

/**
 * rot180(W)ᵀ: the filter turned half a turn, input and output channels swapped. Turning a k×k
 * filter half a turn reverses the order of its k² taps: a product with the reversed identity,
 * because WASM's Reverse and 6-d Transpose kernels are slow loops (about 1-2 ms on 32k numbers).
 */
function flipped(filter: Filter): tf.Tensor4D {
  const [height, width, inChannels, outChannels] = filter.shape as number[];
  const taps = height * width;
  const reversal = tf.tidy(() => tf.reverse(tf.eye(taps), 0));
  const turned = tf.matMul(reversal, tf.reshape(filter, [taps, inChannels * outChannels]));
  return tf.transpose(tf.reshape(turned, [height, width, inChannels, outChannels]), [0, 1, 3, 2]);
}

/** [a, b, c, d] with b and c swapped, for any tensor read as those four blocks (4-d Transpose is fast). */
function swapMiddle(x: tf.Tensor, a: number, b: number, c: number, d: number): tf.Tensor4D {
  return tf.transpose(tf.reshape(x, [a, b, c, d]), [0, 2, 1, 3]);
}

/** [n, H, W, c] → [n, H/s, W/s, s·s·c]: each s×s block becomes one pixel's channels. */
function spaceToDepth(x: tf.Tensor4D, block: number): tf.Tensor4D {
  if (block === 1) return x;
  const [n, height, width, channels] = x.shape;
  // [n·H/s, s, W/s, s·c] → [n·H/s, W/s, s, s·c]
  const blocks = swapMiddle(x, (n * height) / block, block, width / block, block * channels);
  return tf.reshape(blocks, [n, height / block, width / block, block * block * channels]);
}

/** The inverse of spaceToDepth. */
function depthToSpace(x: tf.Tensor4D, block: number): tf.Tensor4D {
  if (block === 1) return x;
  const [n, height, width, depth] = x.shape;
  const channels = depth / (block * block);
  // [n·H, W, s, s·c] → [n·H, s, W, s·c]
  const rows = swapMiddle(x, n * height, width, block, block * channels);
  return tf.reshape(rows, [n, height * block, width * block, channels]);
}

/** A k×k filter [k, k, in, out] as the (k/s)×(k/s) filter that reads space-to-depth blocks. */
function blockFilter(filter: Filter, stride: number): tf.Tensor4D {
  const [size, , inChannels, outChannels] = filter.shape as number[];
  if (stride === 1) return filter as tf.Tensor4D;
  const taps = size / stride;
  // [k/s, s, k/s, s·in·out] → [k/s, k/s, s, s·in·out]
  const split = swapMiddle(filter, taps, stride, taps, stride * inChannels * outChannels);
  return tf.reshape(split, [taps, taps, stride * stride * inChannels, outChannels]);
}

/** 'same' padding for a k×k filter at stride s: k − s rows in all, the smaller half first (TF's rule). */
function samePadding(size: number, stride: number): [number, number] {
  const total = size - stride;
  return [Math.floor(total / 2), total - Math.floor(total / 2)];
}

/** The input of a stride-s convolution: `height` × `inWidth`. */
function checkShapes(height: number, inWidth: number, filter: Filter, stride: number): void {
  const [size, width] = filter.shape;
  if (size !== width || size % stride !== 0 || (stride === 1 && size % 2 === 0))
    throw new RangeError(
      `A ${size}×${width} filter at stride ${stride}: use a square filter whose size is a multiple of the stride (odd at stride 1).`,
    );
  if (height % stride !== 0 || inWidth % stride !== 0)
    throw new RangeError(`A ${height}×${inWidth} image does not divide by stride ${stride}.`);
}

/**
 * Cuts `top`/`left` rows and columns off the front of an image and `bottom`/`right` off the end,
 * as a depthwise convolution with a one-hot filter. WASM's Slice copies the whole source and then
 * each innermost run (one pixel's few channels) in JavaScript: cropping [2000, 30, 30, 1] took
 * 79 ms as a slice and 12 ms as this convolution.
 */
function cropImage(
  x: tf.Tensor4D,
  top: number,
  bottom: number,
  left: number,
  right: number,
): tf.Tensor4D {
  return tf.tidy(() => {
    const channels = x.shape[3];
    const height = top + bottom + 1;
    const width = left + right + 1;
    const pick = tf.buffer([height, width, channels, 1]);
    for (let c = 0; c < channels; c++) pick.set(1, top, left, c, 0);
    return tf.depthwiseConv2d(x, pick.toTensor() as tf.Tensor4D, 1, 'valid');
  });
}

/** Zeros around an image (`before` rows and columns in front, `after` behind); its gradient crops. */
function padBorder(x: tf.Tensor4D, before: number, after: number): tf.Tensor4D {
  const pad = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => ({
    value: tf.pad(args[0] as tf.Tensor4D, [
      [0, 0],
      [before, after],
      [before, after],
      [0, 0],
    ]),
    gradFunc: (dy: tf.Tensor) => cropImage(dy as tf.Tensor4D, before, after, before, after),
  }));
  return pad(x) as tf.Tensor4D;
}

/** An image with rows cut off above and below and columns left and right; its gradient pads. */
function cropBorder(x: tf.Tensor4D, before: number, bottom: number, right: number): tf.Tensor4D {
  const crop = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => ({
    value: cropImage(args[0] as tf.Tensor4D, before, bottom, before, right),
    gradFunc: (dy: tf.Tensor) =>
      tf.pad(dy as tf.Tensor4D, [
        [0, 0],
        [before, bottom],
        [before, right],
        [0, 0],
      ]),
  }));
  return crop(x) as tf.Tensor4D;
}

/**
 * tf.conv2d(x, W, stride, 'same'), differentiable on WASM: x [n, H, W, in], W [k, k, in, out] →
 * [n, H/s, W/s, out].
 */
export function convolution2d(x: tf.Tensor4D, filter: Filter, stride: number): tf.Tensor4D {
  checkShapes(x.shape[1], x.shape[2], filter, stride);
  return tf.tidy(() => {
    const [before, after] = samePadding(filter.shape[0], stride);
    const padded = padBorder(x, before, after);
    return convolve(spaceToDepth(padded, stride), blockFilter(filter, stride));
  });
}

/**
 * tf.conv2dTranspose(x, W, [n, H·s, W·s, out], stride, 'same'), differentiable on WASM:
 * x [n, H, W, in], W [k, k, out, in]. It is the adjoint of convolution2d with the same filter.
 */
export function convolution2dTranspose(
  x: tf.Tensor4D,
  filter: Filter,
  stride: number,
): tf.Tensor4D {
  const [, height, width] = x.shape;
  checkShapes(height * stride, width * stride, filter, stride);
  return tf.tidy(() => {
    const taps = filter.shape[0] / stride;
    const [before] = samePadding(filter.shape[0], stride);
    // The adjoint of "pad, space to depth, valid convolution", read backwards.
    const full = padBorder(x, taps - 1, taps - 1);
    const blocks = convolve(full, flipped(blockFilter(filter, stride)));
    const image = depthToSpace(blocks, stride);
    const [, fullHeight, fullWidth] = image.shape;
    return cropBorder(
      image,
      before,
      fullHeight - height * stride - before,
      fullWidth - width * stride - before,
    );
  });
}

/** A convolution layer: convolution2d + bias. */
export function conv2d(x: tf.Tensor4D, params: ConvParams, stride: number): tf.Tensor4D {
  return tf.tidy(() => tf.add(convolution2d(x, params.filter, stride), params.bias));
}

/** A transposed convolution layer: convolution2dTranspose + bias. */
export function conv2dTranspose(x: tf.Tensor4D, params: ConvParams, stride: number): tf.Tensor4D {
  return tf.tidy(() => tf.add(convolution2dTranspose(x, params.filter, stride), params.bias));
}

/**
 * A convolution's parameters, He-uniform over its fan-in (filter area × input channels); `seed`
 * makes it repeatable. A transposed layer's filter is stored [h, w, out, in], as TF.js expects.
 */
export function createConv(
  size: number,
  inChannels: number,
  outChannels: number,
  seed: number,
  kind: 'conv' | 'transpose' = 'conv',
): ConvParams {
  return tf.tidy(() => {
    // A stride-2 transposed convolution sums about a quarter of its filter taps per output pixel.
    const fanIn = kind === 'conv' ? size * size * inChannels : (size * size * inChannels) / 4;
    const limit = Math.sqrt(6 / fanIn);
    const shape: [number, number, number, number] =
      kind === 'conv'
        ? [size, size, inChannels, outChannels]
        : [size, size, outChannels, inChannels];
    return {
      filter: tf.variable(tf.randomUniform(shape, -limit, limit, 'float32', seed)),
      bias: tf.variable(tf.zeros([outChannels])),
    };
  });
}
