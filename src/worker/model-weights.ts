/**
 * What an element needs of its model to save and export the weights (RemoteModel has it). Apart
 * from remote-model.ts so that the elements' public declarations name no model type.
 */
export interface ModelWeights {
  saveWeights(name: string): Promise<void>;
  exportWeights(name: string): Promise<void>;
}
