// Written by tools/write-entry.mjs from components/registry.json: edit those, not this.
export { VaeLatentExplorer } from '../components/vae-latent-explorer/vae-latent-explorer.js';
export type {
  CodeChangeDetail,
  EncodedImage,
  VaeFineTuneOptions,
} from '../components/vae-latent-explorer/vae-latent-explorer.js';
export { GanArena } from '../components/gan-arena/gan-arena.js';
export type { RoundDetail, GanFineTuneOptions } from '../components/gan-arena/gan-arena.js';
export { PixelRnnCanvas } from '../components/pixel-rnn-canvas/pixel-rnn-canvas.js';
export type {
  GenerateEndDetail,
  PixelRnnPanelResult,
  PixelFineTuneOptions,
} from '../components/pixel-rnn-canvas/pixel-rnn-canvas.js';
export { SentenceMorph } from '../components/sentence-morph/sentence-morph.js';
export type {
  MorphDetail,
  SentenceFineTuneResult,
  SentenceFineTuneOptions,
} from '../components/sentence-morph/sentence-morph.js';
