// stepDiscriminator / stepGenerator: one network moves, the other stays exactly as it was, and
// the arena marks which one moved last (the lecture's G0 → D0 → G1 … by hand).
import { expect } from '@open-wc/testing';
import '../../components/gan-arena/gan-arena.js';
import type { GanArena } from '../../components/gan-arena/gan-arena.js';
import type { WeightsArtifacts } from '../../src/runtime/weights-source.js';
import { rejection } from '../helpers.js';

type Trainer = { getWeights(): Promise<WeightsArtifacts> };
type Spec = { name: string; shape: number[]; dtype: string };

/** The networks' parameters by name (float32, as getWeights writes them), read through the arena's trainer. */
async function parameters(arena: GanArena): Promise<Map<string, Float32Array>> {
  const artifacts = await (arena as unknown as { trainer: Trainer }).trainer.getWeights();
  const values = new Map<string, Float32Array>();
  let offset = 0;
  for (const spec of artifacts.weightSpecs as Spec[]) {
    expect(spec.dtype).to.equal('float32');
    const size = spec.shape.reduce((a, b) => a * b, 1);
    values.set(spec.name, new Float32Array(artifacts.weightData!, offset, size));
    offset += size * 4;
  }
  expect(offset).to.equal(artifacts.weightData!.byteLength);
  return values;
}

function changed(
  before: Map<string, Float32Array>,
  after: Map<string, Float32Array>,
  prefix: string,
): boolean {
  return [...before].some(
    ([name, values]) => name.startsWith(prefix) && values.some((v, i) => v !== after.get(name)![i]),
  );
}

describe('<gan-arena> one player at a time', () => {
  it('stepDiscriminator moves only D, stepGenerator only G, and the last mover is marked', async () => {
    const arena = document.createElement('gan-arena');
    arena.setAttribute('loading', 'eager');
    arena.setAttribute('seed', '4');
    document.body.append(arena);
    await arena.ready;
    const players = () => arena.shadowRoot!.querySelector('.players')!;

    const start = await parameters(arena);
    await arena.stepDiscriminator();
    const afterD = await parameters(arena);
    expect(changed(start, afterD, 'discriminator/')).to.equal(true);
    expect(changed(start, afterD, 'generator/')).to.equal(false);
    await arena.updateComplete;
    expect(players().textContent.replace(/\s+/g, ' ')).to.match(/G0 · D1/);
    expect(players().querySelector('.moved')!.textContent).to.equal('D1');

    await arena.stepGenerator(2);
    const afterG = await parameters(arena);
    expect(changed(afterD, afterG, 'generator/')).to.equal(true);
    expect(changed(afterD, afterG, 'discriminator/')).to.equal(false);
    await arena.updateComplete;
    expect(players().textContent.replace(/\s+/g, ' ')).to.match(/G2 · D1/);
    expect(players().querySelector('.moved')!.textContent).to.equal('G2');

    expect(await rejection(arena.stepGenerator(0))).to.be.instanceOf(RangeError);
    arena.remove();
  });
});
