// OnScreenController: what an element does on its own stops out of view. The arena's game holds
// while it is off screen (`running` stays set) and goes on when it is back; a fine-tuning the
// page asked for runs to its end.
import { expect } from '@open-wc/testing';
import '../../../src/generative-elements.js';
import { digitOne } from '../../helpers.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const offScreen = (element: HTMLElement) =>
  Object.assign(element.style, { position: 'fixed', top: '-10000px' });
const onScreen = (element: HTMLElement) => Object.assign(element.style, { position: '', top: '' });

describe('off screen', () => {
  it('<gan-arena running> stops its rounds off screen and resumes when back', async () => {
    const arena = document.createElement('gan-arena');
    arena.setAttribute('loading', 'eager');
    document.body.append(arena);
    await arena.ready;
    let rounds = 0;
    arena.addEventListener('round', () => rounds++);
    arena.running = true;
    await pause(400);
    expect(rounds).to.be.above(0);

    offScreen(arena);
    await pause(200); // the observer reports, the frame in progress ends
    const held = rounds;
    await pause(600);
    expect(rounds).to.equal(held);
    expect(arena.running).to.equal(true);

    onScreen(arena);
    await pause(600);
    expect(rounds).to.be.above(held);
    arena.running = false;
    arena.remove();
  });

  it('fine-tuning the page asked for runs to its end off screen', async () => {
    const explorer = document.createElement('vae-latent-explorer');
    explorer.setAttribute('loading', 'eager');
    document.body.append(explorer);
    await explorer.ready;
    let steps = 0;
    explorer.addEventListener('train-progress', () => steps++);
    offScreen(explorer);
    await pause(200);
    const result = await explorer.fineTune([digitOne()], { steps: 3, batchSize: 1 });
    expect(result.steps).to.equal(3);
    expect(steps).to.equal(3);
    explorer.remove();
  });
});
