// `auto` on a WebGPU adapter that counts as hardware: the page starts on WASM, and after the
// first output the worker times a representative step of the live models on WASM and on WebGPU
// and keeps the faster. The only adapter here is SwiftShader (software); this test lets `auto`
// treat it as hardware, so the mechanism runs for real: it must measure both, find WASM faster,
// stay on WASM, and remember that for the adapter, so a later start skips the measuring.
import { expect } from '@open-wc/testing';
import { pageRegistry } from '../../src/runtime/page-registry.js';
import { modelConnection } from '../../src/worker/connection.js';
import { cachedChoice } from '../../src/runtime/backend-choice.js';
import { initRuntime } from '../../src/runtime/backend.js';
import '../../components/vae-latent-explorer/vae-latent-explorer.js';

function forgetMeasurements(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase('generative-elements');
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('could not delete the database'));
  });
}

describe('auto measures a (treated-as-hardware) WebGPU adapter', () => {
  before(async () => {
    await forgetMeasurements();
    pageRegistry().settings.measureSoftwareAdapter = true;
  });

  it('starts on WASM, times both backends after the first output, and stays on the faster', async () => {
    const explorer = document.createElement('vae-latent-explorer');
    explorer.setAttribute('loading', 'eager');
    document.body.append(explorer);
    await explorer.ready;
    expect(explorer.runsInWorker).to.equal(true);
    const measurement = await modelConnection().afterFirstOutput();
    expect(measurement, 'a measurement').to.not.equal(null);
    expect(measurement!.ms.wasm).to.be.above(0);
    expect(measurement!.ms.webgpu).to.be.above(0);
    expect(measurement!.ms.wasm!).to.be.below(measurement!.ms.webgpu!);
    expect(measurement!.winner).to.equal('wasm');
    expect(explorer.activeBackend).to.equal('wasm');
    // The explorer still works after the trip through WebGPU and back.
    const [image] = await explorer.decode([new Array(10).fill(0)]);
    expect(image.width).to.equal(28);
    explorer.remove();

    // Remembered per adapter: the next start goes straight to the winner, with nothing to measure.
    expect(await cachedChoice(measurement!.adapter)).to.equal('wasm');
    const later = await initRuntime('auto', { measureSoftwareAdapter: true });
    expect(later.backend).to.equal('wasm');
    expect(later.measureOn).to.equal(undefined);
  });
});
