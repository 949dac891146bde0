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
  const data = columnsOf(X, y, weights);
  const {count} = data;
  const m = d + 1; // parameters: w (d), then b
  const theta = new Float64Array(m);
  // The margin z = w·x + b of every row at the parameters last passed to objective(), and exp(−|z|),
  // which both the log-loss and the logistic function need: each Newton step evaluates the objective
  // last at the parameters it moves to, so the next gradient reads them from there.
  const margin = new Float64Array(count);
  const expNeg = new Float64Array(count);
  let total = 0;
  for (let i = 0; i < n; i++) total += weights ? weights[i] : 1;
  const scale = Math.max(1, C * total);
  const grad = new Float64Array(m);
  const hess = new Float64Array(m * m);
  // Per row: the gradient's residual r and the Hessian's weight h.
  const residual = new Float64Array(count);
  const curvature = new Float64Array(count);
  let iterations = 0;
  let converged = false;
  let current = objective(theta, C, data, margin, expNeg);
  for (; iterations < maxIter; iterations++) {
    residuals(C, data, margin, expNeg, residual, curvature);
    newtonSums(data, residual, curvature, grad, hess);
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
      const value = objective(next, C, data, margin, expNeg);
      if (value <= current) {
        current = value;
        break;
      }
    }
    theta.set(next);
  }
  return {coefficients: Array.from(theta.subarray(0, d)), intercept: theta[d], C, iterations, converged};
}

/** The design matrix of the rows that count, feature by feature: feature j of row k at columns[j · count + k], then a column of ones. */
interface Design {
  columns: Float64Array;
  count: number;
  d: number;
  label: Float64Array;
  weight: Float64Array;
}

/**
 * The rows that count (a bootstrap resample gives a third of them weight 0, and they add nothing to any
 * sum), their features copied column by column, so that every sum is a tight loop over contiguous
 * numbers. Each sum still adds its rows in input order, the same additions as a loop over the rows, so
 * the fit does not depend on this layout to the last bit. Throws on ragged rows and non-finite features.
 */
function columnsOf(X: readonly ArrayLike<number>[], y: ArrayLike<number | boolean>, weights: ArrayLike<number> | undefined): Design {
  const n = X.length;
  const d = X[0].length;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const x = X[i];
    if (x.length !== d) throw new Error(`invalid row ${i}: ${x.length} features, expected ${d}`);
    for (let j = 0; j < d; j++) if (!Number.isFinite(x[j])) throw new Error(`invalid feature: row ${i}, column ${j} is ${x[j]}`);
    if (!weights || weights[i] !== 0) count++;
  }
  const columns = new Float64Array((d + 1) * count).fill(1, d * count);
  const weight = new Float64Array(count);
  const label = new Float64Array(count);
  for (let i = 0, k = 0; i < n; i++) {
    const s = weights ? weights[i] : 1;
    if (s === 0) continue;
    const x = X[i];
    for (let j = 0; j < d; j++) columns[j * count + k] = x[j];
    weight[k] = s;
    label[k] = y[i] === true || y[i] === 1 ? 1 : 0;
    k++;
  }
  return {columns, count, d, label, weight};
}

/** Each row's gradient residual r = C·s·(p − y) and Hessian weight h = C·s·p·(1 − p), with p = sigmoid(z). */
function residuals(C: number, {count, label, weight}: Design, margin: Float64Array, expNeg: Float64Array, residual: Float64Array, curvature: Float64Array): void {
  for (let k = 0; k < count; k++) {
    const e = expNeg[k];
    const p = margin[k] >= 0 ? 1 / (1 + e) : e / (1 + e);
    residual[k] = C * weight[k] * (p - label[k]);
    curvature[k] = C * weight[k] * p * (1 - p);
  }
}

/**
 * ½‖w‖² + C · Σ weight · log-loss at parameters t, leaving each row's margin z = w·x + b and exp(−|z|)
 * in `margin` and `expNeg`.
 */
function objective(t: Float64Array, C: number, design: Design, margin: Float64Array, expNeg: Float64Array): number {
  margins(t, design, margin);
  const loss = lossOf(design, margin, expNeg);
  let penalty = 0;
  for (let j = 0; j < design.d; j++) penalty += t[j] * t[j];
  return 0.5 * penalty + C * loss;
}

// The loops below each have a function of their own: V8 compiles a function's later loops poorly
// (it deoptimised at every call) when it optimises the function inside an earlier loop.

function margins(t: Float64Array, {columns, count, d}: Design, margin: Float64Array): void {
  margin.fill(t[d]);
  for (let j = 0; j < d; j++) {
    const tj = t[j];
    const column = j * count;
    for (let k = 0; k < count; k++) margin[k] += tj * columns[column + k];
  }
}

function lossOf({count, label, weight}: Design, margin: Float64Array, expNeg: Float64Array): number {
  let loss = 0;
  for (let k = 0; k < count; k++) {
    const z = margin[k];
    const e = Math.exp(-Math.abs(z));
    expNeg[k] = e;
    // The log-loss is softplus(u) = log(1 + exp(u)) of u = −z (positive row) or z, computed without
    // overflow as u + log1p(exp(−u)) for u > 0, else log1p(exp(u)): exp(−|z|) either way.
    const u = label[k] === 1 ? -z : z;
    loss += weight[k] * (u > 0 ? u + Math.log1p(e) : Math.log1p(e));
  }
  return loss;
}

/**
 * grad = Σ r·x and the lower triangle of hess = Σ (h·x)·xᵀ over the rows, x with its trailing 1 for the
 * intercept (a column of ones: multiplying by 1 changes no number).
 */
function newtonSums({columns, count, d}: Design, residual: Float64Array, curvature: Float64Array, grad: Float64Array, hess: Float64Array): void {
  const m = d + 1;
  grad.fill(0);
  hess.fill(0);
  addProducts(grad, 0, m, residual, d * count, columns, count);
  for (let a = 0; a < m; a++) addProducts(hess, a * m, a + 1, curvature, a * count, columns, count);
}

/**
 * out[at + b] += Σₖ (w[k] · columns[scale + k]) · columns[b · count + k] over the rows k, for each b
 * below `entries`. Each entry's sum is a chain of additions that must stay in row order; running
 * several chains side by side keeps one addition from waiting for the one before.
 */
function addProducts(out: Float64Array, at: number, entries: number, w: Float64Array, scale: number, columns: Float64Array, count: number): void {
  let b = 0;
  for (; b + 4 <= entries; b += 4) {
    const c0 = b * count;
    const c1 = c0 + count;
    const c2 = c1 + count;
    const c3 = c2 + count;
    let s0 = out[at + b];
    let s1 = out[at + b + 1];
    let s2 = out[at + b + 2];
    let s3 = out[at + b + 3];
    for (let k = 0; k < count; k++) {
      const v = w[k] * columns[scale + k];
      s0 += v * columns[c0 + k];
      s1 += v * columns[c1 + k];
      s2 += v * columns[c2 + k];
      s3 += v * columns[c3 + k];
    }
    out[at + b] = s0;
    out[at + b + 1] = s1;
    out[at + b + 2] = s2;
    out[at + b + 3] = s3;
  }
  for (; b + 2 <= entries; b += 2) {
    const c0 = b * count;
    const c1 = c0 + count;
    let s0 = out[at + b];
    let s1 = out[at + b + 1];
    for (let k = 0; k < count; k++) {
      const v = w[k] * columns[scale + k];
      s0 += v * columns[c0 + k];
      s1 += v * columns[c1 + k];
    }
    out[at + b] = s0;
    out[at + b + 1] = s1;
  }
  if (b < entries) {
    const c0 = b * count;
    let s0 = out[at + b];
    for (let k = 0; k < count; k++) s0 += w[k] * columns[scale + k] * columns[c0 + k];
    out[at + b] = s0;
  }
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
