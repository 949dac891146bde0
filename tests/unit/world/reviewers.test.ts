import {describe, expect, it} from "vitest";
import {DAY_MS} from "../../../src/core/constants.js";
import {REVIEW} from "../../../src/core/params.js";
import {createRng} from "../../../src/core/random.js";
import {generateReviewers, HUBS, POOL_BY_REGION} from "../../../src/world/reviewers.js";

const START = Date.parse("2025-03-01T00:00:00Z");
/** Workdays as the days off, 0 = Sunday. */
const daysOff = (workdays: readonly boolean[]) => workdays.flatMap((on, d) => (on ? [] : [d]));

describe("generateReviewers", () => {
  const team = generateReviewers(createRng(1), 7, 8);

  it("generateReviewers(rng, 7, 8) names seven reviewers R01 to R07 and cycles them through the five hubs' shifts", () => {
    expect(team.length).toBe(7);
    expect(team.id).toEqual(["R01", "R02", "R03", "R04", "R05", "R06", "R07"]);
    expect(team.hub).toEqual(["Manila", "Dublin", "Manila", "Austin", "Manila", "Manila", "Dublin"]);
    expect(team.shifts.map((s) => s.startHour)).toEqual([0, 13, 8, 21, 0, 0, 13]);
    expect(team.shifts.every((s) => s.hours === 8)).toBe(true);
  });

  it("generateReviewers gives Manila's reviewers both language pools (0b11) and Dublin's and Austin's the English one (0b01)", () => {
    expect([...team.reads]).toEqual([3, 1, 3, 1, 3, 3, 1]);
    expect(POOL_BY_REGION).toEqual({APAC: 1});
    expect(HUBS.filter((h) => h.reads & 0b10).every((h) => h.name === "Manila")).toBe(true);
  });

  it("generateReviewers(rng, 7, 8) staggers Manila's two days off through the week (Sun–Mon, Mon–Tue, Tue–Wed, Wed–Thu), puts R07 on the weekend rota (off Monday and Tuesday) and gives Dublin and Austin the weekend off", () => {
    // Manila reader m (in reviewer order) is off on days m and m + 1; elsewhere reviewer r works
    // weekends when r mod 5 = floor(r / 5) mod 5: r = 6.
    expect(team.shifts.map((s) => daysOff(s.workdays))).toEqual([[0, 1], [0, 6], [1, 2], [0, 6], [2, 3], [3, 4], [1, 2]]);
  });

  it("generateReviewers(rng, 7, 8) has the founding half work from day 0 and hires the rest on days 47, 81 and 116", () => {
    // q = r/7 ≥ 0.5 is hired on day round(30 + 120 · (q − 0.5) / 0.5).
    expect(team.shifts.map((s) => ((s.from ?? NaN) - START) / DAY_MS)).toEqual([0, 0, 0, 0, 47, 81, 116]);
  });

  it("generateReviewers passes the shift length and the breaks (REVIEW.breaks by default) to every shift", () => {
    expect(team.shifts.every((s) => s.breaks === REVIEW.breaks)).toBe(true);
    const custom = generateReviewers(createRng(1), 2, 10, [[2, 1]]);
    expect(custom.shifts.map((s) => [s.hours, s.breaks])).toEqual([[10, [[2, 1]]], [10, [[2, 1]]]]);
  });

  it("generateReviewers keeps speed in [0.75, 1.35], idleness in [0.3, 2.5] and accuracy in [0.86, 0.985]", () => {
    const big = generateReviewers(createRng(2), 500, 8);
    const within = (a: Float64Array, lo: number, hi: number) => a.every((x) => x >= lo && x <= hi);
    expect(within(big.speed, 0.75, 1.35)).toBe(true);
    expect(within(big.idleness, 0.3, 2.5)).toBe(true);
    expect(within(big.accuracy, 0.86, 0.985)).toBe(true);
    // The bounds bind: some reviewers sit on them.
    expect(big.speed.includes(0.75) || big.speed.includes(1.35)).toBe(true);
    expect(big.idleness.includes(0.3)).toBe(true);
  });

  it("generateReviewers makes idle reviewers less accurate: accuracy falls with idleness across a large team", () => {
    const big = generateReviewers(createRng(2), 500, 8);
    const idle = [...big.idleness.keys()].filter((r) => big.idleness[r] > 1.3);
    const attentive = [...big.idleness.keys()].filter((r) => big.idleness[r] < 0.7);
    const mean = (rs: number[]) => rs.reduce((s, r) => s + big.accuracy[r], 0) / rs.length;
    expect(mean(attentive) - mean(idle)).toBeGreaterThan(0.01);
  });

  it("generateReviewers is a function of the seed: same seed, same team; the roster does not depend on it", () => {
    expect(generateReviewers(createRng(1), 7, 8)).toEqual(team);
    const other = generateReviewers(createRng(9), 7, 8);
    expect(other.speed).not.toEqual(team.speed);
    expect(other.shifts).toEqual(team.shifts);
  });

  it("generateReviewers(rng, 0 | 1.5 | -2, 8) throws: the count must be a positive integer", () => {
    for (const count of [0, 1.5, -2, NaN]) expect(() => generateReviewers(createRng(1), count, 8)).toThrow(`invalid reviewer count: ${count}`);
  });
});
