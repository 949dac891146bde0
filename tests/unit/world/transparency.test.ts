import {describe, expect, it} from "vitest";
import {ACTIONS, CATEGORIES, COUNTRIES, SOURCES} from "../../../src/core/constants.js";
import {simulate, type World} from "../../../src/world/simulate.js";
import {suspensionEnd} from "../../../src/world/transparency.js";
import {LEGAL_GROUNDS, NOTICE_TYPES} from "../../../src/core/dsaTerms.js";

describe("simulateTransparency on simulate({seed: 3, scale: 0.2})", () => {
  const world: World = simulate({seed: 3, scale: 0.2});
  const t = world.transparency;
  const f = world.flags;
  const r = world.review;
  const notice = (i: number) => NOTICE_TYPES[t.notice[i]];
  const every = (test: (i: number) => boolean) => {
    for (let i = 0; i < f.length; i++) if (!test(i)) return i;
    return -1;
  };
  it("own initiative is the classifier's flags; Article 16 notices are EEA user reports; trusted flaggers' notices are in the EEA", () => {
    expect(every((i) => (notice(i) === "own_initiative") === (SOURCES[f.source[i]] === "ai"))).toBe(-1);
    expect(every((i) => notice(i) !== "article_16" || (SOURCES[f.source[i]] === "user" && COUNTRIES[f.country[i]].eea))).toBe(-1);
    expect(every((i) => notice(i) !== "trusted_flagger" || (SOURCES[f.source[i]] === "trusted_flagger" && COUNTRIES[f.country[i]].eea))).toBe(-1);
    const counts = NOTICE_TYPES.map((_, k) => t.notice.filter((x) => x === k).length);
    expect(counts.every((n) => n > 0), JSON.stringify(counts)).toBe(true);
  });
  it("a notice cites a law of its content's category, and only notices cite one", () => {
    expect(every((i) => (t.allegedGround[i] >= 0) === (notice(i) === "article_16" || notice(i) === "trusted_flagger"))).toBe(-1);
    expect(every((i) => t.allegedGround[i] < 0 || LEGAL_GROUNDS[t.allegedGround[i]].category === CATEGORIES[f.category[i]])).toBe(-1);
  });
  it("illegal content is violating content; only enforcements have a ground, only suspensions a length", () => {
    expect(every((i) => !t.isIllegal[i] || f.isViolation[i] === 1)).toBe(-1);
    expect(every((i) => (t.decisionGround[i] >= 0) === (ACTIONS[r.action[i]] !== "none"))).toBe(-1);
    expect(every((i) => (t.suspensionDays[i] >= 0) === (ACTIONS[r.action[i]] === "suspension"))).toBe(-1);
    expect(every((i) => (Number.isNaN(t.complaintDecided[i]) ? !r.appealed[i] : t.complaintDecided[i] > r.appealTs[i]))).toBe(-1);
  });
  it("monthly active recipients exceed the month's mean daily active users", () => {
    const nc = COUNTRIES.length;
    t.months.forEach((month, m) => {
      const days = world.dates.flatMap((d, k) => (d.startsWith(month) ? [k] : []));
      for (let c = 0; c < nc; c++) {
        const mean = days.reduce((s, d) => s + world.activity.activeUsers[d * nc + c], 0) / days.length;
        expect(t.monthlyActive[m * nc + c]).toBeGreaterThan(mean);
      }
    });
  });
  it("is the same for the same seed", () => {
    const again = simulate({seed: 3, scale: 0.2}).transparency;
    expect(Buffer.from(again.notice.buffer).equals(Buffer.from(t.notice.buffer))).toBe(true);
    expect(Buffer.from(again.complaintDecided.buffer).equals(Buffer.from(t.complaintDecided.buffer))).toBe(true);
  });
});

describe("suspensionEnd(decidedMs, days)", () => {
  it("is the decision's UTC day plus the length, and null for a permanent suspension", () => {
    expect(suspensionEnd(Date.parse("2025-07-01T23:59:00Z"), 7)).toBe("2025-07-08");
    expect(suspensionEnd(Date.parse("2025-07-01T00:00:00Z"), 30)).toBe("2025-07-31");
    expect(suspensionEnd(Date.parse("2025-07-01T12:00:00Z"), 0)).toBeNull();
  });
});
