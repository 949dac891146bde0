import {describe, expect, it} from "vitest";
import {fitLogistic, predictLogistic, sigmoid, type LogisticModel} from "../../../src/detect/logisticRegression.js";
import {createRng} from "../../../src/core/random.js";

/**
 * The same Newton iteration written row by row, the plain way: the fit's column layout, skipped
 * zero-weight rows and shared exp(−|z|) must not change a single bit of the result.
 */
function plainFit(X: number[][], y: number[], C: number, s: number[]): LogisticModel {
  const n = X.length;
  const d = X[0].length;
  const m = d + 1;
  const softplus = (z: number) => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));
  const margin = (i: number, t: Float64Array) => {
    let z = t[d];
    for (let j = 0; j < d; j++) z += t[j] * X[i][j];
    return z;
  };
  const objective = (t: Float64Array) => {
    let loss = 0;
    for (let i = 0; i < n; i++) if (s[i] !== 0) loss += s[i] * (y[i] === 1 ? softplus(-margin(i, t)) : softplus(margin(i, t)));
    let penalty = 0;
    for (let j = 0; j < d; j++) penalty += t[j] * t[j];
    return 0.5 * penalty + C * loss;
  };
  const theta = new Float64Array(m);
  let total = 0;
  for (let i = 0; i < n; i++) total += s[i];
  let current = objective(theta);
  let iterations = 0;
  let converged = false;
  for (; iterations < 50; iterations++) {
    const grad = new Float64Array(m);
    const hess = new Float64Array(m * m);
    for (let i = 0; i < n; i++) {
      if (s[i] === 0) continue;
      const p = sigmoid(margin(i, theta));
      const r = C * s[i] * (p - y[i]);
      const h = C * s[i] * p * (1 - p);
      for (let a = 0; a < m; a++) {
        const xa = a < d ? X[i][a] : 1;
        grad[a] += r * xa;
        for (let b = 0; b <= a; b++) hess[a * m + b] += h * xa * (b < d ? X[i][b] : 1);
      }
    }
    for (let j = 0; j < d; j++) {
      grad[j] += theta[j];
      hess[j * m + j] += 1;
    }
    if (Math.max(...Array.from(grad, Math.abs)) <= 1e-8 * Math.max(1, C * total)) {
      converged = true;
      break;
    }
    // Cholesky of the lower triangle, then the two triangular solves.
    const L = new Float64Array(m * m);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j <= i; j++) {
        let sum = hess[i * m + j];
        for (let k = 0; k < j; k++) sum -= L[i * m + k] * L[j * m + k];
        L[i * m + j] = i === j ? Math.sqrt(sum) : sum / L[j * m + j];
      }
    }
    const z = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      let sum = grad[i];
      for (let k = 0; k < i; k++) sum -= L[i * m + k] * z[k];
      z[i] = sum / L[i * m + i];
    }
    const step = new Float64Array(m);
    for (let i = m - 1; i >= 0; i--) {
      let sum = z[i];
      for (let k = i + 1; k < m; k++) sum -= L[k * m + i] * step[k];
      step[i] = sum / L[i * m + i];
    }
    const next = new Float64Array(m);
    for (let tries = 0, t = 1; tries < 30; tries++, t /= 2) {
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

describe("fitLogistic", () => {
  it("fitLogistic(rows without features, y) fits the unpenalised intercept logit(mean y)", () => {
    const model = fitLogistic([[], [], [], []], [1, 1, 1, 0]);
    expect(model.coefficients).toEqual([]);
    expect(model.intercept).toBeCloseTo(Math.log(3), 8);
    expect(model.converged).toBe(true);
  });

  it("fitLogistic([[0], [1]], [0, 1], {C: 1}) solves w = 1 - sigmoid(w / 2), b = -w / 2", () => {
    // Stationarity of ½w² + log(1 + e^b) + log(1 + e^-(w + b)): b = -w/2 and w = 1 - σ(w/2).
    const {coefficients: [w], intercept: b} = fitLogistic([[0], [1]], [0, 1], {C: 1});
    expect(w).toBeCloseTo(1 - sigmoid(w / 2), 9);
    expect(b).toBeCloseTo(-w / 2, 9);
    expect(w).toBeCloseTo(0.4447, 3);
  });

  it("fitLogistic(X, y, {C}) satisfies the optimality conditions w = C Σ (y - p) x and Σ (y - p) = 0", () => {
    const X = [[0.5, -1], [1.5, 0.2], [-0.3, 0.8], [2, 2], [-1, -0.5], [0.1, 0.3], [1.1, -0.7], [-2, 1]];
    const y = [0, 1, 0, 1, 0, 1, 1, 0];
    const C = 0.7;
    const model = fitLogistic(X, y, {C});
    const residual = X.map((x, i) => y[i] - predictLogistic(model, x));
    expect(residual.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 8);
    for (let j = 0; j < 2; j++) {
      expect(model.coefficients[j]).toBeCloseTo(C * residual.reduce((a, r, i) => a + r * X[i][j], 0), 8);
    }
  });

  it("fitLogistic(X, y, {C}) shrinks coefficients more for a smaller C", () => {
    const X = [[-2], [-1], [0], [1], [2], [0.5], [-0.5]];
    const y = [0, 0, 1, 1, 1, 0, 1];
    const strong = fitLogistic(X, y, {C: 0.01}).coefficients[0];
    const weak = fitLogistic(X, y, {C: 100}).coefficients[0];
    expect(Math.abs(strong)).toBeLessThan(Math.abs(weak));
    expect(weak).toBeGreaterThan(0);
  });

  it("fitLogistic(uninformative X, y) gives zero coefficients", () => {
    const model = fitLogistic([[-1], [-1], [1], [1]], [0, 1, 0, 1]);
    expect(model.coefficients[0]).toBeCloseTo(0, 10);
    expect(model.intercept).toBeCloseTo(0, 10);
  });

  it("fitLogistic(X, y, {weights}) equals fitting duplicated rows", () => {
    const X = [[0], [1], [2], [3]];
    const y = [0, 0, 1, 1];
    const weighted = fitLogistic(X, y, {weights: [2, 1, 1, 3]});
    const duplicated = fitLogistic([[0], [0], [1], [2], [3], [3], [3]], [0, 0, 0, 1, 1, 1, 1]);
    expect(weighted.coefficients[0]).toBeCloseTo(duplicated.coefficients[0], 8);
    expect(weighted.intercept).toBeCloseTo(duplicated.intercept, 8);
  });

  it("fitLogistic(separable X, y) converges thanks to the penalty", () => {
    const model = fitLogistic([[-1], [-2], [1], [2]], [0, 0, 1, 1], {C: 10});
    expect(model.converged).toBe(true);
    expect(Number.isFinite(model.coefficients[0])).toBe(true);
  });

  it("fitLogistic(X, y, {C, weights}) equals the plain row-by-row Newton iteration to the last bit", () => {
    for (const seed of [1, 2, 3]) {
      const rng = createRng(seed);
      const X = Array.from({length: 400}, () => Array.from({length: 4}, () => rng() * 4 - 2));
      const y = X.map((x) => (rng() < sigmoid(1.5 * x[0] - x[2] - 1) ? 1 : 0));
      // Bootstrap counts: some rows weigh 0, some 2 or more.
      const weights = new Array(X.length).fill(0);
      for (let i = 0; i < X.length; i++) weights[Math.floor(rng() * X.length)]++;
      for (const [C, s] of [[1, X.map(() => 1)], [0.3, weights]] as const) {
        const model = fitLogistic(X, y, {C, weights: s});
        expect(model).toEqual(plainFit(X, y, C, s));
        expect(model.iterations).toBeGreaterThan(2);
      }
    }
  });

  it("fitLogistic rejects empty input, NaN features, ragged rows and a bad C", () => {
    expect(() => fitLogistic([], [])).toThrow("invalid training set: no rows");
    expect(() => fitLogistic([[NaN]], [1])).toThrow("invalid feature: row 0, column 0 is NaN");
    expect(() => fitLogistic([[1], [1, 2]], [0, 1])).toThrow("invalid row 1: 2 features, expected 1");
    expect(() => fitLogistic([[1]], [1], {C: 0})).toThrow("invalid C: 0");
  });
});

describe("sigmoid", () => {
  it("sigmoid(z) is stable at the extremes", () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(800)).toBe(1);
    expect(sigmoid(-800)).toBe(0);
  });
});
