// What the 2-d view reads off a GAN: D's belief over the plane and the gradient field of G's loss.
import { expect } from '@open-wc/testing';
import * as tf from '@tensorflow/tfjs-core';
import { initRuntime } from '../../src/runtime/backend.js';
import { ensureGradients } from '../../src/runtime/training-loop.js';
import { Gan, TOY_GAN_CONFIG, type GanLoss } from '../../src/models/gan.js';
import { decisionMap, generatorGradients } from '../../src/models/gan-inspection.js';

async function read(t: tf.Tensor): Promise<Float32Array> {
  const v = (await t.data()) as Float32Array;
  t.dispose();
  return v;
}

describe('GAN inspection (wasm)', function () {
  this.timeout(60000);

  before(async () => {
    await initRuntime('wasm');
    await ensureGradients();
  });

  it('maps D(x) = σ(logit) at each point', async () => {
    const gan = new Gan(TOY_GAN_CONFIG, 3);
    const points = tf.tensor2d([0.3, -0.2, -0.6, 0.5, 1.2, 0.9], [3, 2]);
    const map = await read(decisionMap(gan, points));
    const logits = await read(gan.discriminate(points));
    expect(map.length).to.equal(3);
    map.forEach((v, i) => expect(v).to.be.closeTo(1 / (1 + Math.exp(-logits[i])), 1e-6));
    points.dispose();
    gan.dispose();
  });

  it('refuses an unknown loss before computing anything', () => {
    const gan = new Gan(TOY_GAN_CONFIG, 4);
    const points = tf.tensor2d([0, 0], [1, 2]);
    expect(() => generatorGradients(gan, points, 'wasserstein' as GanLoss)).to.throw(RangeError);
    points.dispose();
    gan.dispose();
  });

  it('gives ∂L_G/∂x that matches finite differences', async () => {
    const gan = new Gan(TOY_GAN_CONFIG, 8);
    const points = [0.3, -0.2, -0.6, 0.5];
    const grads = await read(generatorGradients(gan, tf.tensor2d(points, [2, 2])));
    const lossAt = async (p: number[]) => {
      const x = tf.tensor2d(p, [1, 2]);
      const l = (await read(gan.generatorLoss(x)))[0];
      x.dispose();
      return l;
    };
    const h = 1e-3;
    for (let i = 0; i < 2; i++) {
      for (let k = 0; k < 2; k++) {
        const plus = points.slice(2 * i, 2 * i + 2);
        const minus = plus.slice();
        plus[k] += h;
        minus[k] -= h;
        const numeric = ((await lossAt(plus)) - (await lossAt(minus))) / (2 * h);
        expect(grads[2 * i + k]).to.be.closeTo(numeric, 5e-3 + 0.02 * Math.abs(numeric));
      }
    }
    gan.dispose();
  });
});
