/** The TF.js backends the package can run on, and what an element or the page may prefer. */
export type BackendName = 'webgpu' | 'wasm' | 'cpu';
export type BackendPreference = 'auto' | BackendName;
