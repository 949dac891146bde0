import {describe, expect, it} from "vitest";
import {fitLogistic, predictLogistic, sigmoid} from "../../../src/detect/logisticRegression.js";

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
