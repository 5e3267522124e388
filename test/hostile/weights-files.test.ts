// Bad weights, as a hostile or careless page would give them: each gets one precise message,
// `loadWeights` always settles, and the element keeps its current weights and keeps working.
import { expect } from '@open-wc/testing';
import '../../components/vae-latent-explorer/vae-latent-explorer.js';
import type { VaeLatentExplorer } from '../../components/vae-latent-explorer/vae-latent-explorer.js';
import { configure } from '../../src/runtime/config.js';
import { DEFAULT_FETCH_TIMEOUT_MS } from '../../src/runtime/fetch.js';
import { fetchJson } from '../helpers.js';

type Manifest = {
  weightsManifest: {
    paths: string[];
    weights: { name: string; shape: number[]; dtype: string; quantization?: { dtype: string } }[];
  }[];
};

let explorer: VaeLatentExplorer;
let manifest: Manifest & Record<string, unknown>;
let binary: ArrayBuffer;
let reference: ImageData;

const zeroCode = () => [new Array(10).fill(0.5)];
const file = (name: string, body: BlobPart) => new File([body], name);

async function failure(source: Parameters<VaeLatentExplorer['loadWeights']>[0]): Promise<string> {
  try {
    await explorer.loadWeights(source);
  } catch (error) {
    // Shown inside the element, in its language (here English), as specific as the error itself.
    const shown = (explorer.shadowRoot!.querySelector('[part="error"]')?.textContent ?? '').trim();
    expect(shown).to.not.equal('');
    // The weights in use did not change.
    const after = (await explorer.decode(zeroCode()))[0];
    expect(Array.from(after.data)).to.deep.equal(Array.from(reference.data));
    return `${(error as Error).message}\n${shown}`;
  }
  throw new Error('loadWeights resolved for bad weights');
}

const withManifest = (change: (m: Manifest) => void) => {
  const copy = structuredClone(manifest) as Manifest;
  change(copy);
  return [file('model.json', JSON.stringify(copy)), file('weights.bin', binary)];
};

describe('bad weights files and servers', () => {
  before(async () => {
    manifest = await fetchJson('/weights/vae-digits/model.json');
    binary = await (await fetch('/weights/vae-digits/weights.bin')).arrayBuffer();
    explorer = document.createElement('vae-latent-explorer');
    explorer.setAttribute('loading', 'eager');
    document.body.append(explorer);
    await explorer.ready;
    reference = (await explorer.decode(zeroCode()))[0];
  });
  after(() => explorer.remove());

  it('an HTML page in place of model.json', async () => {
    expect(
      await failure([
        file('model.json', '<!doctype html><html><body>Not here</body></html>'),
        file('weights.bin', binary),
      ]),
    ).to.match(/HTML page/);
  });

  it('a manifest with an unsupported data type', async () => {
    const message = await failure(
      withManifest(
        (m) =>
          (m.weightsManifest[0].weights[0] = { name: 'x', shape: [1000, 1000], dtype: 'string' }),
      ),
    );
    expect(message).to.match(/data type string/);
  });

  it('900,000 tensors, or 1,000 shards', async () => {
    const many = await failure(
      withManifest(
        (m) =>
          (m.weightsManifest[0].weights = Array.from({ length: 900_000 }, (_, i) => ({
            name: `w${i}`,
            shape: [1],
            dtype: 'float32',
          }))),
      ),
    );
    expect(many).to.match(/more than 4000 tensors/);
    const shards = await failure(
      withManifest(
        (m) =>
          (m.weightsManifest[0].paths = Array.from({ length: 1000 }, (_, i) => `shard${i}.bin`)),
      ),
    );
    expect(shards).to.match(/more than 64 shard files/);
  });

  it('a truncated binary, and a missing one', async () => {
    expect(
      await failure([
        file('model.json', JSON.stringify(manifest)),
        file('weights.bin', binary.slice(0, 1000)),
      ]),
    ).to.match(/truncated: 1000 bytes/);
    expect(await failure([file('model.json', JSON.stringify(manifest))])).to.match(
      /together with its \.bin/,
    );
  });

  it('another architecture, and NaN values', async () => {
    expect(
      await failure(
        withManifest(
          (m) =>
            ((m as unknown as { modelTopology: unknown }).modelTopology = {
              generativeElements: { model: 'gan', config: {} },
            }),
        ),
      ),
    ).to.match(/"gan" model/);
    // The first tensor stored as float16 (the 8-bit ones cannot hold a NaN), its values all 0xffff.
    const bytesPerValue = (dtype = 'float32') => ({ uint8: 1, float16: 2 })[dtype] ?? 4;
    let offset = 0;
    const specs = manifest.weightsManifest[0].weights;
    const half = specs.findIndex((spec) => spec.quantization?.dtype === 'float16');
    for (const spec of specs.slice(0, half))
      offset += spec.shape.reduce((a, b) => a * b, 1) * bytesPerValue(spec.quantization?.dtype);
    const nan = new Uint8Array(binary.slice(0));
    nan.fill(0xff, offset, offset + 64); // float16 0xffff is NaN
    expect(
      await failure([file('model.json', JSON.stringify(manifest)), file('weights.bin', nan)]),
    ).to.match(/NaN or infinite/);
  });

  it('a shard the server does not have: the URL and the status', async () => {
    const message = await failure('/test/hostile/fixtures/missing-shard/model.json');
    expect(message).to.include('/test/hostile/fixtures/missing-shard/nope.bin');
    expect(message).to.include('404');
  });

  it('a server that never answers: a timeout naming the URL', async () => {
    configure({ fetchTimeoutMs: 300 });
    try {
      const message = await failure('/test/hostile/stall/model.json');
      expect(message).to.include('/test/hostile/stall/model.json');
      expect(message).to.match(/no answer within 0.3 s/);
    } finally {
      configure({ fetchTimeoutMs: DEFAULT_FETCH_TIMEOUT_MS });
    }
  });
});

describe('weights problems in the element’s language', () => {
  it('a zh-Hans element names the cause in Chinese', async () => {
    const box = document.createElement('div');
    box.lang = 'zh-Hans';
    document.body.append(box);
    const element = document.createElement('vae-latent-explorer');
    element.setAttribute('loading', 'eager');
    box.append(element);
    await element.ready;
    const html = new File(['<!doctype html><p>404</p>'], 'model.json');
    await element
      .loadWeights([html, new File([new ArrayBuffer(8)], 'weights.bin')])
      .catch(() => undefined);
    expect(element.shadowRoot!.querySelector('[part="error"]')!.textContent).to.include(
      '是一个 HTML 网页',
    );
    box.remove();
  });
});

describe('a weights file larger than its model', () => {
  it('is refused from its manifest, before any shard is read', async () => {
    const explorer = document.createElement('vae-latent-explorer');
    explorer.setAttribute('loading', 'eager');
    document.body.append(explorer);
    await explorer.ready;
    const manifest = await fetchJson<Manifest>('/weights/vae-digits/model.json');
    manifest.weightsManifest[0].weights.push({
      name: 'extra',
      shape: [3000, 1000],
      dtype: 'float32',
    });
    let read = false;
    const shard = new File([new ArrayBuffer(8)], 'weights.bin');
    Object.defineProperty(shard, 'arrayBuffer', {
      value: () => ((read = true), Promise.resolve(new ArrayBuffer(8))),
    });
    const error = await explorer
      .loadWeights([new File([JSON.stringify(manifest)], 'model.json'), shard])
      .catch((e: Error) => e);
    expect((error as Error).message).to.match(
      /more than .* MB of weights; the model that would take them holds at most that/,
    );
    expect(read).to.equal(false);
    explorer.remove();
  });
});
