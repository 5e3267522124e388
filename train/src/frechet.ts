// The Fréchet distance between two Gaussians fitted to feature vectors (as in the FID of Heusel
// et al. 2017, with our own MNIST classifier's features instead of Inception's):
//
//   d² = ‖μ₁ − μ₂‖² + tr(Σ₁ + Σ₂ − 2 (Σ₁^½ Σ₂ Σ₁^½)^½)
//
// Σ₁^½ Σ₂ Σ₁^½ is symmetric positive semi-definite, so both square roots come from symmetric
// eigendecompositions (ml-matrix), in float64; tiny negative eigenvalues from rounding are
// clipped to zero.
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

export interface FeatureStatistics {
  mean: number[];
  covariance: Matrix;
}

/** Mean and (unbiased) covariance of `count` feature vectors of size `size`, laid end to end. */
export function featureStatistics(
  features: ArrayLike<number>,
  count: number,
  size: number,
): FeatureStatistics {
  if (count < 2) throw new RangeError('Feature statistics need at least two vectors.');
  const rows = Matrix.zeros(count, size);
  for (let i = 0; i < count; i++)
    for (let j = 0; j < size; j++) rows.set(i, j, features[i * size + j]);
  const mean = rows.mean('column');
  rows.center('column');
  const covariance = rows
    .transpose()
    .mmul(rows)
    .div(count - 1);
  return { mean, covariance };
}

/** Symmetric PSD square root: V · diag(√max(λ, 0)) · Vᵀ. */
function symmetricSqrt(matrix: Matrix): Matrix {
  const { realEigenvalues, eigenvectorMatrix } = new EigenvalueDecomposition(matrix, {
    assumeSymmetric: true,
  });
  const roots = Matrix.diag(realEigenvalues.map((v) => Math.sqrt(Math.max(v, 0))));
  return eigenvectorMatrix.mmul(roots).mmul(eigenvectorMatrix.transpose());
}

export function frechetDistance(a: FeatureStatistics, b: FeatureStatistics): number {
  const meanTerm = a.mean.reduce((sum, m, i) => sum + (m - b.mean[i]) ** 2, 0);
  const rootA = symmetricSqrt(a.covariance);
  const middle = rootA.mmul(b.covariance).mmul(rootA);
  // Symmetrise away rounding error before the second decomposition.
  const symmetric = middle.add(middle.transpose()).div(2);
  const { realEigenvalues } = new EigenvalueDecomposition(symmetric, { assumeSymmetric: true });
  const traceRoot = realEigenvalues.reduce((sum, v) => sum + Math.sqrt(Math.max(v, 0)), 0);
  return meanTerm + a.covariance.trace() + b.covariance.trace() - 2 * traceRoot;
}
