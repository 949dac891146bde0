import seedrandom from "seedrandom";

/**
 * A seeded source of randomness. It is always passed explicitly: nothing in the world reads a global
 * generator, so the same seed gives the same world. xor128 is ~5x faster than seedrandom's ARC4 here.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  (): number;
  /** An independent stream for one component, so that changing one component does not reshuffle the others. */
  fork(name: string): Rng;
}

export function createRng(seed: number | string): Rng {
  const key = String(seed);
  const next = seedrandom.xor128(key);
  const rng = (() => next()) as Rng;
  rng.fork = (name: string) => createRng(`${key}/${name}`);
  return rng;
}

/** Standard normal variate (Box–Muller). */
export function normal(rng: Rng, mean = 0, sd = 1): number {
  let u = rng();
  while (u === 0) u = rng();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** Log-normal variate parameterised by its mean and coefficient of variation. */
export function lognormal(rng: Rng, mean: number, cv: number): number {
  const s2 = Math.log(1 + cv * cv);
  return Math.exp(normal(rng, Math.log(mean) - s2 / 2, Math.sqrt(s2)));
}

/** Poisson variate: Knuth's product method for small means, a rounded normal approximation above 60. */
export function poisson(rng: Rng, lambda: number): number {
  if (!(lambda > 0)) return 0;
  if (lambda > 60) return Math.max(0, Math.round(normal(rng, lambda, Math.sqrt(lambda))));
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rng();
  while (p > limit) {
    k++;
    p *= rng();
  }
  return k;
}

/** Beta variate with the given mean and concentration (alpha + beta), via two gamma variates. */
export function beta(rng: Rng, mean: number, concentration: number): number {
  const a = gamma(rng, mean * concentration);
  const b = gamma(rng, (1 - mean) * concentration);
  return a / (a + b);
}

/** Gamma variate with unit scale (Marsaglia–Tsang). */
export function gamma(rng: Rng, shape: number): number {
  if (shape < 1) return gamma(rng, shape + 1) * Math.pow(rng() || Number.MIN_VALUE, 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** The sum of weights, added in the order `pick` adds them: a total computed once gives the same draws. */
export function weightTotal(weights: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i];
  return total;
}

/** Index drawn from unnormalised weights; pass `weightTotal(weights)` when drawing often from the same weights. */
export function pick(rng: Rng, weights: ArrayLike<number>, total = weightTotal(weights)): number {
  let r = rng() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i];
    if (r < 0) return i;
  }
  return weights.length - 1;
}

/** Uniform integer in [0, n). */
export function int(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

/** Bernoulli trial. */
export function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}
