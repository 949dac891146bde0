import {describe, expect, it} from "vitest";
import {SESSION_SAMPLE_ROWS, sessionSampleRate} from "../../../src/core/sampling.js";
import {sampled} from "../../../src/world/tables.js";

describe("sessionSampleRate", () => {
  it("sessionSampleRate(n) is 1 up to SESSION_SAMPLE_ROWS sessions, SESSION_SAMPLE_ROWS / n above", () => {
    expect(sessionSampleRate(1)).toBe(1);
    expect(sessionSampleRate(SESSION_SAMPLE_ROWS)).toBe(1);
    expect(sessionSampleRate(SESSION_SAMPLE_ROWS * 4)).toBe(0.25);
  });

  it("sampled(i, sessionSampleRate(n)) keeps about SESSION_SAMPLE_ROWS of n sessions, whatever n", () => {
    for (const n of [SESSION_SAMPLE_ROWS, 24_700, 123_000, 1_740_519, 3_100_000]) {
      const rate = sessionSampleRate(n);
      let kept = 0;
      for (let i = 0; i < n; i++) if (sampled(i, rate)) kept++;
      expect(Math.abs(kept - Math.min(n, SESSION_SAMPLE_ROWS)), String(n)).toBeLessThanOrEqual(SESSION_SAMPLE_ROWS * 0.002);
    }
  });

  it("a sample at a lower rate is inside the sample at a higher one (samples nest)", () => {
    for (let i = 0; i < 200_000; i++) if (sampled(i, sessionSampleRate(1_000_000))) expect(sampled(i, 0.5)).toBe(true);
  });
});
