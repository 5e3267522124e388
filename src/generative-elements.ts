/**
 * generative-elements: registers every element. Import a single tag's entry
 * (e.g. `generative-elements/vae-latent-explorer`) to load only what that tag needs.
 */
export {
  configure,
  type GenerativeElementsConfig,
  type BackendName,
  type BackendPreference,
} from './runtime/config.js';
// Every element of components/registry.json: its class and its public types.
export * from './element-exports.js';
export type {
  ModelReadyDetail,
  ModelErrorDetail,
  TrainProgressDetail,
  TrainEndDetail,
  GenerativeElementEventMap,
} from '../components/shared/events.js';
