// A check shared by the WASM and WebGPU runs: fine-tuning the bundled digit VAE on one synthetic
// digit (a vertical bar) gives finite losses, lowers that digit's reconstruction error, and
// leaves no tensors behind.
import { expect } from '@open-wc/testing';
import { DigitVae } from '../src/models/digit-vae.js';
import { loadArtifacts } from '../src/runtime/weights-io.js';
import type { FineTuneOptions } from '../src/models/digit-vae.js';
import { repoFile, tensorCount } from './helpers.js';

export async function checkFineTuneLearnsABar(
  options: FineTuneOptions & { steps: number },
): Promise<void> {
  const vae = new DigitVae();
  await vae.setWeights(await loadArtifacts(repoFile('weights/vae-digits/model.json')));
  const bar = new Float32Array(784);
  for (let y = 4; y < 24; y++) for (let x = 12; x < 16; x++) bar[y * 28 + x] = 1;
  const before = tensorCount();
  const firstLoss = (await vae.imageLosses(bar)).reconstruction;
  const result = await vae.fineTune([bar], options);
  expect(result.steps).to.equal(options.steps);
  expect(Number.isFinite(result.losses.loss)).to.equal(true);
  expect((await vae.imageLosses(bar)).reconstruction).to.be.lessThan(firstLoss);
  expect(tensorCount()).to.equal(before);
  vae.dispose();
}
