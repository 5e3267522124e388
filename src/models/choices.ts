/**
 * Choices a page makes about a model, as plain types. They live apart from the model files so
 * that the package's public type declarations never reach TF.js's own.
 */

/** The generator's loss: the non-saturating −log D(G(z)) (default) or the minimax log(1 − D(G(z))). */
export type GanLoss = 'non-saturating' | 'minimax';

/** How a sentence VAE turns a code into words. */
export type Decoding = 'greedy' | 'sample' | 'beam';
