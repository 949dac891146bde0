/**
 * The detection step of the pipeline: the heuristic score and an L2 logistic regression on the
 * user-day features, trained on an earlier period and evaluated on a later one, with a bootstrap band
 * around each later user-day's risk. Pure: the loader hands in core_user_day's rows and a seeded
 * generator, and publishes what comes back.
 */
import {quantileSorted} from "../core/quantile.js";
import {averagePrecision} from "../detect/averagePrecision.js";
import {heuristicReasons, heuristicScore} from "../detect/heuristicScore.js";
import {fitLogistic, predictLogistic, type LogisticModel} from "../detect/logisticRegression.js";
import {applyScaler, fitScaler, type Scaler} from "../detect/standardize.js";
import type {Rng} from "../core/random.js";
import {featureVector, USER_DAY_FEATURES, type UserDayCounts} from "./features.js";

export interface CoreUserDay extends UserDayCounts {
  user_id: string;
  /** YYYY-MM-DD. */
  date: string;
  truth_abusive: boolean;
  /** The label without blocks and warnings: abusive content that was posted. */
  truth_abusive_posted?: boolean;
}

export interface TrainOptions {
  /** First date of the evaluation period; the model trains on the days before it. */
  splitDate: string;
  /** Inverse regularisation strength; default 1 (scikit-learn's default). */
  C?: number;
  /** Bootstrap refits for the uncertainty band; default 30. */
  bootstraps?: number;
  /** Central coverage of the band; default 0.9 (the 5th to 95th percentile of the refits). */
  coverage?: number;
  /** The label to learn and score against; default truth_abusive. */
  label?: (row: CoreUserDay) => boolean;
  rng: Rng;
}

export interface ScoredUserDay {
  user_id: string;
  date: string;
  truth_abusive: boolean;
  heuristic: number;
  risk: number;
  risk_lo: number;
  risk_hi: number;
  /** The heuristic rules fired and the features pushing the model's risk up most. */
  reasons: string;
}

export interface PeriodSummary {
  from: string;
  to: string;
  rows: number;
  positives: number;
}

export interface Detector {
  features: {name: string; label: string; description: string; coefficient: number; lo: number; hi: number; mean: number; scale: number}[];
  intercept: number;
  C: number;
  iterations: number;
  converged: boolean;
  bootstraps: number;
  coverage: number;
  train: PeriodSummary;
  test: PeriodSummary;
  averagePrecision: {heuristic: number; model: number};
  scaler: Scaler;
  model: LogisticModel;
  /** Evaluation-period user-days, in input order. */
  scored: ScoredUserDay[];
}

const DEFAULT_LABEL = (r: CoreUserDay) => r.truth_abusive;

function summary(rows: readonly CoreUserDay[], label: (r: CoreUserDay) => boolean): PeriodSummary {
  let from = "";
  let to = "";
  let positives = 0;
  for (const r of rows) {
    if (!from || r.date < from) from = r.date;
    if (!to || r.date > to) to = r.date;
    if (label(r)) positives++;
  }
  return {from, to, rows: rows.length, positives};
}

/** Features whose standardised value times coefficient pushes the risk up most (at most 3, positive only). */
function topContributions(model: LogisticModel, x: readonly number[]): string[] {
  return x
    .map((v, j) => ({name: USER_DAY_FEATURES[j].label.toLowerCase(), c: v * model.coefficients[j]}))
    .filter((d) => d.c > 0.25)
    .sort((a, b) => b.c - a.c)
    .slice(0, 3)
    .map((d) => d.name);
}

/** "rules: policy blocks +3, burst +1 · model: burst, devices" (either part left out when empty). */
export function reasonText(rules: readonly string[], features: readonly string[]): string {
  const parts: string[] = [];
  if (rules.length) parts.push(`rules: ${rules.join(", ")}`);
  if (features.length) parts.push(`model: ${features.join(", ")}`);
  return parts.join(" · ");
}

/** Each row's account as a dense index (0 .. accounts − 1), in order of first appearance. */
export function accountIndex(ids: readonly string[]): {of: Int32Array; accounts: number} {
  const index = new Map<string, number>();
  const of = Int32Array.from(ids, (id) => {
    let k = index.get(id);
    if (k === undefined) index.set(id, (k = index.size));
    return k;
  });
  return {of, accounts: index.size};
}

/**
 * One cluster-bootstrap resample as row weights: as many accounts as there are, drawn with replacement;
 * every row of an account drawn m times weighs m. Rows of one account move together, so the band
 * reflects how much the fit depends on which accounts were seen, not on which of their days.
 */
export function accountBootstrapWeights({of, accounts}: {of: Int32Array; accounts: number}, rng: () => number, out: Float64Array): Float64Array {
  if (out.length !== of.length) throw new Error(`length mismatch: ${of.length} rows, ${out.length} weights`);
  const draws = new Float64Array(accounts);
  for (let a = 0; a < accounts; a++) draws[Math.floor(rng() * accounts)]++;
  for (let i = 0; i < of.length; i++) out[i] = draws[of[i]];
  return out;
}

export function trainDetector(rows: readonly CoreUserDay[], {splitDate, C = 1, bootstraps = 30, coverage = 0.9, label = DEFAULT_LABEL, rng}: TrainOptions): Detector {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(splitDate)) throw new Error(`invalid splitDate: ${splitDate}`);
  if (!Number.isInteger(bootstraps) || bootstraps < 2) throw new Error(`invalid bootstraps: ${bootstraps} (expected an integer >= 2)`);
  if (!(coverage > 0 && coverage < 1)) throw new Error(`invalid coverage: ${coverage}`);
  const train = rows.filter((r) => r.date < splitDate);
  const test = rows.filter((r) => r.date >= splitDate);
  if (train.length === 0 || test.length === 0) throw new Error(`invalid splitDate: ${splitDate} leaves ${train.length} training and ${test.length} evaluation rows`);
  const trainPositives = train.filter(label).length;
  if (trainPositives === 0 || trainPositives === train.length) throw new Error(`invalid training period: ${trainPositives} positives of ${train.length} rows (both classes are needed)`);
  const trainFeatures = train.map((r) => featureVector(r));
  const scaler = fitScaler(trainFeatures);
  const Xtrain = trainFeatures.map((v) => applyScaler(scaler, v));
  const ytrain = train.map(label);
  const model = fitLogistic(Xtrain, ytrain, {C});
  const Xtest = test.map((r) => applyScaler(scaler, featureVector(r)));
  const refits = bootstrapRefits(train.map((r) => r.user_id), Xtrain, ytrain, {C, bootstraps, rng});
  const lowQ = (1 - coverage) / 2;
  const highQ = 1 - lowQ;
  const scored = scoreWithBands(test, Xtest, model, refits, [lowQ, highQ], label);
  const coefficient = (j: number, q: number) => quantileSorted(Float64Array.from(refits, (m) => m.coefficients[j]).sort(), q);
  const truth = scored.map((s) => s.truth_abusive);
  return {
    features: USER_DAY_FEATURES.map((f, j) => ({name: f.name, label: f.label, description: f.description, coefficient: model.coefficients[j], lo: coefficient(j, lowQ), hi: coefficient(j, highQ), mean: scaler.mean[j], scale: scaler.scale[j]})),
    intercept: model.intercept,
    C,
    iterations: model.iterations,
    converged: model.converged,
    bootstraps,
    coverage,
    train: summary(train, label),
    test: summary(test, label),
    averagePrecision: {heuristic: averagePrecision(scored.map((s) => s.heuristic), truth), model: averagePrecision(scored.map((s) => s.risk), truth)},
    scaler,
    model,
    scored
  };
}

/**
 * Bootstrap: refits on resamples of the training accounts (each drawn account brings all its
 * user-days, which are correlated).
 */
function bootstrapRefits(users: readonly string[], X: number[][], y: boolean[], {C, bootstraps, rng}: {C: number; bootstraps: number; rng: Rng}): LogisticModel[] {
  const refits: LogisticModel[] = [];
  const accountOf = accountIndex(users);
  const weights = new Float64Array(users.length);
  for (let b = 0; b < bootstraps; b++) {
    accountBootstrapWeights(accountOf, rng, weights);
    refits.push(fitLogistic(X, y, {C, weights}));
  }
  return refits;
}

/** Each evaluation row scored by the model, with the central band of its risks under the refits ([low, high] quantiles). */
function scoreWithBands(test: readonly CoreUserDay[], Xtest: number[][], model: LogisticModel, refits: readonly LogisticModel[], [lowQ, highQ]: [number, number], label: (r: CoreUserDay) => boolean): ScoredUserDay[] {
  const draws = new Float64Array(refits.length);
  return test.map((r, i) => {
    const x = Xtest[i];
    refits.forEach((m, b) => (draws[b] = predictLogistic(m, x)));
    // A typed array sorts numerically, as the comparator a - b would (the risks are never NaN or −0).
    const sorted = draws.sort();
    return {
      user_id: r.user_id,
      date: r.date,
      truth_abusive: label(r),
      heuristic: heuristicScore(r),
      risk: predictLogistic(model, x),
      risk_lo: quantileSorted(sorted, lowQ),
      risk_hi: quantileSorted(sorted, highQ),
      reasons: reasonText(heuristicReasons(r), topContributions(model, x))
    };
  });
}
