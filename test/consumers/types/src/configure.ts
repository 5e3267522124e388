import { configure } from 'generative-elements';
configure({ assetBase: '/x/' });

const el = document.querySelector('vae-latent-explorer')!;
el.gridSize = 5;
await el.ready;
