// A weights manifest checked before any shard is fetched, each bad one refused with its problem
// code; shards joined only when they hold exactly the bytes the manifest describes.
import { expect } from '@open-wc/testing';
import {
  MANIFEST_LIMITS,
  joinShards,
  parseManifest,
  toArtifacts,
} from '../../src/runtime/weights-manifest.js';
import { WeightsError } from '../../src/runtime/weights-format.js';

const WHERE = 'model.json';
type Weight = { name: string; shape: number[]; dtype: string; quantization?: { dtype: string } };
const manifest = (groups: { paths: string[]; weights: Weight[] }[], extra = {}) =>
  JSON.stringify({
    format: 'generative-elements',
    modelTopology: { a: 1 },
    ...extra,
    weightsManifest: groups,
  });
const weight = (name: string, shape: number[], dtype = 'float32'): Weight => ({
  name,
  shape,
  dtype,
});

/** The problem code parseManifest refuses `text` with. */
function refusal(text: string, maxBytes?: number): string | undefined {
  try {
    parseManifest(text, WHERE, maxBytes);
  } catch (error) {
    expect(error).to.be.instanceOf(WeightsError);
    expect((error as Error).message).to.contain(WHERE);
    return (error as WeightsError).problem?.code;
  }
  throw new Error('expected a refusal');
}

describe('parseManifest', () => {
  it('reads each group’s shards and bytes, float32, int32 and quantized', () => {
    const checked = parseManifest(
      manifest([
        { paths: ['a.bin'], weights: [weight('w', [2, 3]), weight('i', [4], 'int32')] },
        {
          paths: ['b1.bin', 'b2.bin'],
          weights: [
            { ...weight('h', [10]), quantization: { dtype: 'float16' } },
            { ...weight('q', [5, 2]), quantization: { dtype: 'uint8' } },
          ],
        },
      ]),
      WHERE,
    );
    expect(checked.groups).to.deep.equal([
      { paths: ['a.bin'], bytes: 6 * 4 + 4 * 4 },
      { paths: ['b1.bin', 'b2.bin'], bytes: 10 * 2 + 10 },
    ]);
    expect(checked.specs.map((s) => s.name)).to.deep.equal(['w', 'i', 'h', 'q']);
  });

  it('refuses HTML, text that is not JSON, and JSON that is not a manifest', () => {
    expect(refusal('<!DOCTYPE html><html>Not found</html>')).to.equal('manifestHtml');
    expect(refusal('weights, please')).to.equal('manifestNotJson');
    expect(refusal('{"modelTopology": {}}')).to.equal('notManifest');
    expect(refusal('[1, 2]')).to.equal('notManifest');
    expect(
      refusal(JSON.stringify({ weightsManifest: [{ paths: 'a.bin', weights: [] }] })),
    ).to.equal('notManifest');
    expect(refusal(manifest([{ paths: ['a.bin'], weights: [weight('w', [2.5])] }]))).to.equal(
      'notManifest',
    );
  });

  it('refuses unknown data types and quantizations, and a manifest without weights', () => {
    expect(
      refusal(manifest([{ paths: ['a.bin'], weights: [weight('s', [1], 'string')] }])),
    ).to.equal('badDtype');
    const int8 = { ...weight('q', [1]), quantization: { dtype: 'int8' } };
    expect(refusal(manifest([{ paths: ['a.bin'], weights: [int8] }]))).to.equal('badDtype');
    expect(refusal(manifest([{ paths: ['a.bin'], weights: [] }]))).to.equal('noWeights');
  });

  it('refuses more tensors, shards or bytes than any model of the package needs', () => {
    const many = Array.from({ length: MANIFEST_LIMITS.tensors + 1 }, (_, i) =>
      weight(`w${i}`, [1]),
    );
    expect(refusal(manifest([{ paths: ['a.bin'], weights: many }]))).to.equal('tooManyTensors');
    const paths = Array.from({ length: MANIFEST_LIMITS.shards + 1 }, (_, i) => `s${i}.bin`);
    expect(refusal(manifest([{ paths, weights: [weight('w', [1])] }]))).to.equal('tooManyShards');
    const big = manifest([{ paths: ['a.bin'], weights: [weight('w', [1000, 1000])] }]);
    expect(refusal(big, 1_000_000)).to.equal('tooLarge');
    expect(parseManifest(big, WHERE, 4_000_000).groups[0].bytes).to.equal(4_000_000);
  });
});

describe('joinShards and toArtifacts', () => {
  it('joins shards that hold exactly the bytes described, and refuses others', () => {
    const joined = joinShards(
      [new Uint8Array([1, 2]).buffer, new Uint8Array([3]).buffer],
      3,
      WHERE,
    );
    expect(Array.from(new Uint8Array(joined))).to.deep.equal([1, 2, 3]);
    const code = (buffers: ArrayBuffer[], bytes: number) => {
      try {
        joinShards(buffers, bytes, WHERE);
      } catch (error) {
        return (error as WeightsError).problem?.code;
      }
      return 'joined';
    };
    expect(code([new ArrayBuffer(2)], 3)).to.equal('truncated');
    expect(code([new ArrayBuffer(4)], 3)).to.equal('wrongSize');
  });

  it('gives the artifacts TF.js would: the manifest’s fields and every group’s data', () => {
    const checked = parseManifest(
      manifest(
        [
          { paths: ['a.bin'], weights: [weight('a', [1])] },
          { paths: ['b.bin'], weights: [weight('b', [1])] },
        ],
        { generatedBy: 'test' },
      ),
      WHERE,
    );
    const artifacts = toArtifacts(checked, [
      new Float32Array([1]).buffer,
      new Float32Array([2]).buffer,
    ]);
    expect(artifacts.modelTopology).to.deep.equal({ a: 1 });
    expect(artifacts.generatedBy).to.equal('test');
    expect(artifacts.weightSpecs!.map((s) => s.name)).to.deep.equal(['a', 'b']);
    expect(Array.from(new Float32Array(artifacts.weightData as ArrayBuffer))).to.deep.equal([1, 2]);
  });
});
