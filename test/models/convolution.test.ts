// Convolutions that train on WASM: the same values as TF.js's own convolutions, gradients that
// match finite differences (and TF.js's built-in ones where the backend has them), no leaks.
import { expect } from '@open-wc/testing';
import * as tf from '@tensorflow/tfjs-core';
import { initRuntime } from '../../src/runtime/backend.js';
import { ensureGradients } from '../../src/runtime/training-loop.js';
import { convolution2d, convolution2dTranspose } from '../../src/models/convolution.js';
import { tensorCount } from '../helpers.js';

type Layout = { size: number; stride: number };
const LAYOUTS: Layout[] = [
  { size: 4, stride: 2 }, // the DCGAN's layers
  { size: 3, stride: 1 },
  { size: 6, stride: 3 },
];

function largestDifference(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);
}

/** A loss that weighs every output differently, so that no gradient is trivially uniform. */
function weightedLoss(y: tf.Tensor, seed: number): tf.Scalar {
  return tf.sum(tf.mul(tf.sin(y), tf.randomUniform(y.shape, -1, 1, 'float32', seed)));
}

/** Central differences of `f` at a few entries of `at`, in float64 arithmetic on float32 values. */
function numericGradient(
  f: (t: tf.Tensor) => tf.Scalar,
  at: tf.Tensor,
  entries: number[],
): number[] {
  const values = at.dataSync().slice();
  const step = 1e-2;
  return entries.map((i) => {
    const shifted = (delta: number) =>
      tf.tidy(() => {
        const copy = values.slice();
        copy[i] += delta;
        return f(tf.tensor(copy, at.shape)).dataSync()[0];
      });
    return (shifted(step) - shifted(-step)) / (2 * step);
  });
}

/** Five entries spread over a tensor of `size` numbers, ends included. */
function spreadEntries(size: number): number[] {
  return [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(f * (size - 1)));
}

for (const backend of ['wasm', 'cpu'] as const) {
  describe(`convolution layers (${backend})`, function () {
    this.timeout(60000);

    before(async () => {
      await initRuntime('wasm');
      await ensureGradients();
      if (backend === 'cpu') await import('@tensorflow/tfjs-backend-cpu');
      await tf.setBackend(backend);
    });
    after(() => tf.setBackend('wasm'));

    for (const { size, stride } of LAYOUTS) {
      const label = `${size}×${size}, stride ${stride}`;
      const x = () => tf.randomNormal<tf.Rank.R4>([2, 6, 6, 3], 0, 1, 'float32', 1);
      const filter = () => tf.randomNormal<tf.Rank.R4>([size, size, 3, 4], 0, 0.5, 'float32', 2);
      const small = () =>
        tf.randomNormal<tf.Rank.R4>([2, 6 / stride, 6 / stride, 4], 0, 1, 'float32', 3);

      it(`gives tf.conv2d's and tf.conv2dTranspose's values (${label})`, () => {
        const [convDifference, transposeDifference] = tf.tidy(() => [
          largestDifference(
            convolution2d(x(), filter(), stride),
            tf.conv2d(x(), filter(), stride, 'same'),
          ),
          largestDifference(
            convolution2dTranspose(small(), filter(), stride),
            tf.conv2dTranspose(small(), filter(), [2, 6, 6, 3], stride, 'same'),
          ),
        ]);
        expect(convDifference).to.be.below(1e-4);
        expect(transposeDifference).to.be.below(1e-4);
      });

      it(`has the gradients of finite differences (${label})`, () => {
        tf.tidy(() => {
          const input = x();
          const w = filter();
          const input2 = small();
          const cases = [
            {
              f: (a: tf.Tensor, b: tf.Tensor) =>
                convolution2d(a as tf.Tensor4D, b as tf.Tensor4D, stride),
              inputs: [input, w],
            },
            {
              f: (a: tf.Tensor, b: tf.Tensor) =>
                convolution2dTranspose(a as tf.Tensor4D, b as tf.Tensor4D, stride),
              inputs: [input2, w],
            },
          ];
          for (const { f, inputs } of cases) {
            const loss = (a: tf.Tensor, b: tf.Tensor) => weightedLoss(f(a, b), 7);
            const [dInput, dFilter] = tf.grads(loss)(inputs);
            const inputEntries = spreadEntries(inputs[0].size);
            const filterEntries = spreadEntries(inputs[1].size);
            const numericInput = numericGradient(
              (t) => loss(t, inputs[1]),
              inputs[0],
              inputEntries,
            );
            const numericFilter = numericGradient(
              (t) => loss(inputs[0], t),
              inputs[1],
              filterEntries,
            );
            const analyticInput = inputEntries.map((i) => dInput.dataSync()[i]);
            const analyticFilter = filterEntries.map((i) => dFilter.dataSync()[i]);
            inputEntries.forEach((_, k) => {
              expect(analyticInput[k]).to.be.closeTo(
                numericInput[k],
                0.02 + 0.02 * Math.abs(numericInput[k]),
              );
              expect(analyticFilter[k]).to.be.closeTo(
                numericFilter[k],
                0.02 + 0.02 * Math.abs(numericFilter[k]),
              );
            });
            expect(tf.max(tf.abs(dFilter)).dataSync()[0]).to.be.above(0.1); // not all zero
          }
        });
      });

      if (backend === 'cpu') {
        it(`has TF.js's own gradients where the backend has them (${label})`, () => {
          const differences = tf.tidy(() => {
            const ours = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
              weightedLoss(convolution2d(a as tf.Tensor4D, b as tf.Tensor4D, stride), 9),
            )([x(), filter()]);
            const theirs = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
              weightedLoss(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, stride, 'same'), 9),
            )([x(), filter()]);
            return ours.map((g, i) => largestDifference(g, theirs[i]));
          });
          for (const d of differences) expect(d).to.be.below(1e-4);
        });
      }
    }

    it('leaves no tensor behind, forwards or backwards', () => {
      const input = tf.randomNormal<tf.Rank.R4>([2, 8, 8, 3]);
      const w = tf.variable(tf.randomNormal([4, 4, 3, 5]));
      const before = tensorCount();
      const grads = tf.variableGrads(() =>
        tf.sum(
          convolution2dTranspose(convolution2d(input, w as tf.Tensor4D, 2), w as tf.Tensor4D, 2),
        ),
      );
      tf.dispose([grads.value, ...Object.values(grads.grads)]);
      tf.dispose(convolution2d(input, w, 2));
      expect(tensorCount()).to.equal(before);
      tf.dispose([input, w]);
    });

    it('refuses a filter that does not fit its stride, with a clear message', () => {
      const input = tf.zeros<tf.Rank.R4>([1, 6, 6, 1]);
      expect(() => convolution2d(input, tf.zeros<tf.Rank.R4>([3, 3, 1, 1]), 2)).to.throw(
        /multiple of the stride/,
      );
      expect(() =>
        convolution2d(tf.zeros<tf.Rank.R4>([1, 5, 5, 1]), tf.zeros<tf.Rank.R4>([4, 4, 1, 1]), 2),
      ).to.throw(/does not divide by stride 2/);
      input.dispose();
    });
  });
}
