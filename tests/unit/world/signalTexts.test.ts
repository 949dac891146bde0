import {describe, expect, it} from "vitest";
import {SIGNAL_TEXT_DAY_FLAGS} from "../../../src/core/sampling.js";
import {signalTexts, textSampled} from "../../../src/world/signalTexts.js";
import {sampled} from "../../../src/world/tables.js";
import {renderSnippet} from "../../../src/world/text.js";

describe("signalTexts", () => {
  it("signalTexts(seed, flags) renders every flag's text while its day holds at most SIGNAL_TEXT_DAY_FLAGS", () => {
    const flags = [{flag_id: 0, date: "2025-06-01", template_id: 3}, {flag_id: 7, date: new Date("2025-06-02T00:00:00Z"), template_id: 31}];
    expect(signalTexts(42, flags)).toEqual([renderSnippet(42, 0, 3), renderSnippet(42, 7, 31)]);
  });
  it("signalTexts keeps about SIGNAL_TEXT_DAY_FLAGS of a larger day, also among flags that are a sample already", () => {
    // Flags kept by the published tables' 1-in-10 hash: the text sample must still thin them.
    const ids: number[] = [];
    for (let i = 0; ids.length < 3 * SIGNAL_TEXT_DAY_FLAGS; i++) if (sampled(i, 0.1)) ids.push(i);
    const texts = signalTexts(1, ids.map((flag_id) => ({flag_id, date: "2025-06-01", template_id: 0})));
    const kept = texts.filter((t) => t !== null).length;
    expect(Math.abs(kept - SIGNAL_TEXT_DAY_FLAGS)).toBeLessThan(0.1 * SIGNAL_TEXT_DAY_FLAGS);
  });
  it("textSampled(i, rate) keeps everything at rate 1 and nothing at rate 0", () => {
    expect(textSampled(5, 1)).toBe(true);
    expect(textSampled(5, 0)).toBe(false);
  });
});
