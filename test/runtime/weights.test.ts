// Weights I/O: TF.js format round trips through IndexedDB and picked files; bad files are refused
// with a clear message and leave the model unchanged.
import { expect } from '@open-wc/testing';
import * as tf from '@tensorflow/tfjs-core';
import { initRuntime } from '../../src/runtime/backend.js';
import { DigitVae } from '../../src/models/digit-vae.js';
import { loadArtifacts, saveArtifacts } from '../../src/runtime/weights-io.js';
import { WeightsError } from '../../src/runtime/weights-format.js';
import { rejection, repoFile, tensorCount } from '../helpers.js';

const CODES = Float32Array.from({ length: 3 * 10 }, (_, i) => Math.sin(i) * 1.5);

describe('weights I/O', () => {
  let bundled: DigitVae;

  before(async () => {
    await initRuntime('wasm');
    bundled = new DigitVae();
    await bundled.setWeights(await loadArtifacts(repoFile('weights/vae-digits/model.json')));
  });

  after(() => bundled.dispose());

  it('loads the bundled float16 weights and decodes to probabilities', async () => {
    const pixels = await bundled.decode(CODES, 3);
    expect(pixels.length).to.equal(3 * 784);
    expect(pixels.every((p) => p >= 0 && p <= 1)).to.equal(true);
  });

  it('round-trips through IndexedDB with identical outputs', async () => {
    const before = await bundled.decode(CODES, 3);
    await saveArtifacts(await bundled.getWeights(), 'indexeddb://test-roundtrip');
    const copy = new DigitVae();
    await copy.setWeights(await loadArtifacts('indexeddb://test-roundtrip'));
    expect(Array.from(await copy.decode(CODES, 3))).to.deep.equal(Array.from(before));
    copy.dispose();
  });

  it('round-trips through picked files (model.json + weights.bin) with identical outputs', async () => {
    const artifacts = await bundled.getWeights();
    const manifest = {
      modelTopology: artifacts.modelTopology,
      weightsManifest: [{ paths: ['./weights.bin'], weights: artifacts.weightSpecs }],
    };
    const files = [
      new File([JSON.stringify(manifest)], 'model.json', { type: 'application/json' }),
      new File([artifacts.weightData as ArrayBuffer], 'weights.bin'),
    ];
    const copy = new DigitVae();
    await copy.setWeights(await loadArtifacts(files));
    expect(Array.from(await copy.decode(CODES, 3))).to.deep.equal(
      Array.from(await bundled.decode(CODES, 3)),
    );
    copy.dispose();
  });

  it('refuses a URL that 404s, saying which URL', async () => {
    const error = await rejection(loadArtifacts('/no/such/model.json'));
    expect(error).to.be.instanceOf(WeightsError);
    expect(error.message).to.contain('/no/such/model.json');
  });

  it('refuses a corrupt manifest', async () => {
    const url = URL.createObjectURL(
      new Blob(['{"modelTopology": {'], { type: 'application/json' }),
    );
    const error = await rejection(loadArtifacts(url));
    expect(error).to.be.instanceOf(WeightsError);
  });

  it('refuses weights of another architecture and keeps the current ones', async () => {
    const before = await bundled.decode(CODES, 3);
    const artifacts = await bundled.getWeights();
    const other = {
      ...artifacts,
      modelTopology: { generativeElements: { model: 'vae', config: { latentSize: 2 } } },
    };
    const wrongArchitecture = await rejection(bundled.setWeights(other));
    expect(wrongArchitecture).to.be.instanceOf(WeightsError);
    expect(wrongArchitecture.message).to.match(/different vae architecture/);
    const missingTensor = {
      ...artifacts,
      weightSpecs: artifacts.weightSpecs!.slice(1),
      weightData: (artifacts.weightData as ArrayBuffer).slice(0),
    };
    expect(await rejection(bundled.setWeights(missingTensor))).to.be.instanceOf(WeightsError);
    expect(Array.from(await bundled.decode(CODES, 3))).to.deep.equal(Array.from(before));
  });

  it('refuses weights holding NaN', async () => {
    const artifacts = await bundled.getWeights();
    const data = new Float32Array((artifacts.weightData as ArrayBuffer).slice(0));
    data[5] = NaN;
    const withNaN = await rejection(bundled.setWeights({ ...artifacts, weightData: data.buffer }));
    expect(withNaN.message).to.match(/NaN/);
  });

  it('leaks no tensors over loads and failed loads', async () => {
    const artifacts = await bundled.getWeights();
    const before = tensorCount();
    for (let i = 0; i < 5; i++) {
      await bundled.setWeights(artifacts);
      expect(
        await rejection(bundled.setWeights({ ...artifacts, modelTopology: {} })),
      ).to.be.instanceOf(WeightsError);
      await bundled.decode(CODES, 3);
    }
    expect(tensorCount()).to.equal(before);
    expect(tf.memory().numTensors).to.equal(before);
  });
});
