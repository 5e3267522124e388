// With --enable-unsafe-webgpu, headless Chromium offers only a software adapter (SwiftShader).
// `auto` must pass over it (it is far slower than WASM) and say so.
import { expect } from '@open-wc/testing';
import { initRuntime, isSoftwareAdapter } from '../../src/runtime/backend.js';

describe('auto with only a software WebGPU adapter', () => {
  it('the browser really offers a WebGPU adapter, and it is the software fallback', async () => {
    const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<object | null> } })
      .gpu;
    expect(gpu, 'navigator.gpu').to.not.equal(undefined);
    const adapter = await gpu!.requestAdapter();
    expect(adapter, 'adapter').to.not.equal(null);
    expect(isSoftwareAdapter(adapter as Parameters<typeof isSoftwareAdapter>[0])).to.equal(true);
  });

  it('auto skips it for WASM and notes why', async () => {
    const runtime = await initRuntime('auto');
    expect(runtime.backend).to.equal('wasm');
    expect(runtime.notes.join(' ')).to.contain('software WebGPU adapter');
  });
});
