// Written by `npm run train:sentence-preview` from weights/sentence-vae/: do not edit.
/** The bundled model's greedy morph of the built-in sentences, shown until the model is ready. */
export const DEFAULT_MORPH = {
  /** The first 16 hex digits of the SHA-256 of the weights.bin it came from. */
  weightsId: '14cc9b5d5e851c89',
  steps: 5,
  decoding: 'greedy',
  tokens: [["The","day","was","a","trip","with","interrupted","a","shower."],["The","day","was","a","specter","by","a","brief","shower."],["The","day","was","a","specter","by","taking","a","mount."],["The","day","was","no","drove","with","a","victim","of","an","argument."],["The","principal","book","was","spilled","by","a","signal."],["The","main","book","acquainted","by","two."],["The","main","economy","are","sir","by","advance."]],
} as const;
