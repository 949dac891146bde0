/**
 * Binary logistic regression with an L2 penalty, fitted by Newton's method. It minimises, as
 * scikit-learn's `LogisticRegression(penalty="l2", C=C)` does,
 *
 *     ½‖w‖² + C · Σᵢ sᵢ · log(1 + exp(−ŷᵢ (w·xᵢ + b)))      with ŷᵢ = ±1 and sample weights sᵢ,
 *
 * where the intercept b is not penalised. C is the inverse regularisation strength: smaller C, more
 * shrinkage. Features should be on comparable scales (see standardize.ts), since one C penalises them all.
 * With d features the Hessian is (d + 1)²: a few Newton steps on tens of thousands of rows take
 * milliseconds, so bootstrap refits are cheap.
 */

export interface LogisticOptions {
  /** Inverse regularisation strength (scikit-learn's C); default 1. */
  C?: number;
  /** Newton iterations at most; default 50. */
  maxIter?: number;
  /** Stop when the largest gradient component falls below this (relative to C·n); default 1e-8. */
  tol?: number;
  /** Sample weights (e.g. bootstrap counts); default 1 for every row. */
  weights?: ArrayLike<number>;
}

export interface LogisticModel {
  /** One coefficient per feature, in the order of the rows' columns. */
  coefficients: number[];
  intercept: number;
  C: number;
  iterations: number;
  converged: boolean;
}

/** The logistic function, stable for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** log(1 + exp(z)) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** Probability of the positive class for one row of features. */
export function predictLogistic(model: LogisticModel, x: ArrayLike<number>): number {
  let z = model.intercept;
  for (let j = 0; j < model.coefficients.length; j++) z += model.coefficients[j] * x[j];
  return sigmoid(z);
}

/**
 * Fits the model to rows of features `X` (each an array of d numbers) and labels `y` (true/1 positive).
 * Throws on empty input, ragged rows, non-finite features or a non-positive C.
 */
export function fitLogistic(X: readonly ArrayLike<number>[], y: ArrayLike<number | boolean>, options: LogisticOptions = {}): LogisticModel {
  const {C = 1, maxIter = 50, tol = 1e-8, weights} = options;
  if (!(C > 0) || !Number.isFinite(C)) throw new Error(`invalid C: ${C}`);
  const n = X.length;
  if (n === 0) throw new Error("invalid training set: no rows");
  if (y.length !== n) throw new Error(`length mismatch: ${n} rows, ${y.length} labels`);
  if (weights && weights.length !== n) throw new Error(`length mismatch: ${n} rows, ${weights.length} weights`);
  const d = X[0].length;
  for (let i = 0; i < n; i++) {
    if (X[i].length !== d) throw new Error(`invalid row ${i}: ${X[i].length} features, expected ${d}`);
    for (let j = 0; j < d; j++) if (!Number.isFinite(X[i][j])) throw new Error(`invalid feature: row ${i}, column ${j} is ${X[i][j]}`);
  }
  const labels = Float64Array.from({length: n}, (_, i) => (y[i] === true || y[i] === 1 ? 1 : 0));
  const s = Float64Array.from({length: n}, (_, i) => (weights ? weights[i] : 1));
  const m = d + 1; // parameters: w (d), then b
  const theta = new Float64Array(m);
  const margin = (i: number, t: Float64Array) => {
    let z = t[d];
    const x = X[i];
    for (let j = 0; j < d; j++) z += t[j] * x[j];
    return z;
  };
  const objective = (t: Float64Array) => {
    let loss = 0;
    for (let i = 0; i < n; i++) {
      if (s[i] === 0) continue;
      const z = margin(i, t);
      loss += s[i] * (labels[i] === 1 ? softplus(-z) : softplus(z));
    }
    let penalty = 0;
    for (let j = 0; j < d; j++) penalty += t[j] * t[j];
    return 0.5 * penalty + C * loss;
  };
  let total = 0;
  for (let i = 0; i < n; i++) total += s[i];
  const scale = Math.max(1, C * total);
  const grad = new Float64Array(m);
  const hess = new Float64Array(m * m);
  let iterations = 0;
  let converged = false;
  let current = objective(theta);
  for (; iterations < maxIter; iterations++) {
    grad.fill(0);
    hess.fill(0);
    for (let i = 0; i < n; i++) {
      if (s[i] === 0) continue;
      const p = sigmoid(margin(i, theta));
      const r = C * s[i] * (p - labels[i]);
      const h = C * s[i] * p * (1 - p);
      const x = X[i];
      for (let a = 0; a < m; a++) {
        const xa = a < d ? x[a] : 1;
        grad[a] += r * xa;
        const ha = h * xa;
        for (let b = 0; b <= a; b++) hess[a * m + b] += ha * (b < d ? x[b] : 1);
      }
    }
    for (let j = 0; j < d; j++) {
      grad[j] += theta[j];
      hess[j * m + j] += 1;
    }
    for (let a = 0; a < m; a++) for (let b = 0; b < a; b++) hess[b * m + a] = hess[a * m + b];
    let worst = 0;
    for (let a = 0; a < m; a++) worst = Math.max(worst, Math.abs(grad[a]));
    if (worst <= tol * scale) {
      converged = true;
      break;
    }
    const step = solveSymmetric(hess, grad, m);
    // Backtracking keeps every step a descent step, even far from the optimum or on separable data.
    let t = 1;
    const next = new Float64Array(m);
    for (let tries = 0; tries < 30; tries++, t /= 2) {
      for (let a = 0; a < m; a++) next[a] = theta[a] - t * step[a];
      const value = objective(next);
      if (value <= current) {
        current = value;
        break;
      }
    }
    theta.set(next);
  }
  return {coefficients: Array.from(theta.subarray(0, d)), intercept: theta[d], C, iterations, converged};
}

/** Solves H x = g for a symmetric positive definite H by Cholesky, with a tiny ridge if it is singular. */
function solveSymmetric(H: Float64Array, g: Float64Array, m: number): Float64Array {
  for (let ridge = 0; ridge < 1; ridge = ridge === 0 ? 1e-10 : ridge * 100) {
    const L = new Float64Array(m * m);
    let ok = true;
    for (let i = 0; i < m && ok; i++) {
      for (let j = 0; j <= i; j++) {
        let sum = H[i * m + j] + (i === j ? ridge : 0);
        for (let k = 0; k < j; k++) sum -= L[i * m + k] * L[j * m + k];
        if (i === j) {
          if (!(sum > 0)) {
            ok = false;
            break;
          }
          L[i * m + i] = Math.sqrt(sum);
        } else L[i * m + j] = sum / L[j * m + j];
      }
    }
    if (!ok) continue;
    const z = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      let sum = g[i];
      for (let k = 0; k < i; k++) sum -= L[i * m + k] * z[k];
      z[i] = sum / L[i * m + i];
    }
    const x = new Float64Array(m);
    for (let i = m - 1; i >= 0; i--) {
      let sum = z[i];
      for (let k = i + 1; k < m; k++) sum -= L[k * m + i] * x[k];
      x[i] = sum / L[i * m + i];
    }
    return x;
  }
  throw new Error("logistic regression: singular Hessian");
}
