/**
 * Exports weights as two downloads, model.json and its .weights.bin, the same pair TF.js's
 * `downloads://` handler writes, made in the page from plain artifacts (a worker cannot click).
 */
import type { WeightsArtifacts } from './weights-source.js';

export function downloadWeights(artifacts: WeightsArtifacts, name: string): void {
  const shardName = `${name}.weights.bin`;
  const { weightData, weightSpecs, ...rest } = artifacts;
  const manifest = {
    ...rest,
    weightsManifest: [{ paths: [`./${shardName}`], weights: weightSpecs ?? [] }],
  };
  save(new Blob([JSON.stringify(manifest)], { type: 'application/json' }), `${name}.json`);
  if (weightData) save(new Blob([weightData]), shardName);
}

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click starts the download at once; the URL is no longer needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
