import {describe, expect, it} from "vitest";
import {needText, SOUND_NEED} from "../../../../src/io/import/needs.js";

describe("needText(need)", () => {
  it("names the missing columns, what they enable and what platforms have instead, with the proxy last", () => {
    const text = needText({columns: ["flags.is_violation", "session_items.flag_id"], enables: "the QA pass rate", instead: "Platforms audit a sample.", proxy: "appeal overturns as decision errors."});
    expect(text.title).toBe("Not in the imported data");
    expect(text.body).toEqual([
      "It needs flags.is_violation and session_items.flag_id, which the imported data does not have. With them, it shows the QA pass rate.",
      "Platforms audit a sample.",
      "Proxy: appeal overturns as decision errors."
    ]);
  });
  it("says 'it' for one column, and offers no proxy where none exists (the sound status)", () => {
    const text = needText(SOUND_NEED);
    expect(text.body[0]).toMatch(/^It needs session_items\.sound_muted, which the imported data does not have\. With it, it shows /);
    expect(text.body).toHaveLength(2);
  });
});
