import {describe, expect, it} from "vitest";
import {IMPORT_TABLES} from "../../../../src/io/import/contract.js";
import * as needs from "../../../../src/io/import/needs.js";
import {ATTACK_TRUTH_NEED, BENIGN_TRUTH_NEED, COORDINATED_TRUTH_NEED, KNOWN_EVENTS_NEED, lacking, needText, SECTION_NEEDS, SOUND_NEED, VIOLATION_TRUTH_NEED} from "../../../../src/io/import/needs.js";

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

describe("lacking(need, absent)", () => {
  it("narrows a need to the columns the data lacks, or null when it has them all", () => {
    expect(lacking(ATTACK_TRUTH_NEED, ["attacks.attack_id", "attacks.start_date", "attacks.end_date", "rings.ring_id"])?.columns).toEqual(["attacks.attack_id", "attacks.start_date", "attacks.end_date"]);
    expect(lacking(VIOLATION_TRUTH_NEED, ["flags.coordinated"])).toBeNull();
    expect(lacking(VIOLATION_TRUTH_NEED, [])).toBeNull();
    const partial = lacking({...SOUND_NEED, columns: ["session_items.sound_muted", "session_items.view_s"]}, ["session_items.view_s"]);
    expect(partial).toEqual({...SOUND_NEED, columns: ["session_items.view_s"]});
  });
  it("names only import columns (table.column of the contract)", () => {
    const names = new Set(IMPORT_TABLES.flatMap((t) => t.columns.map((c) => `${t.name}.${c.name}`)));
    for (const need of [ATTACK_TRUTH_NEED, BENIGN_TRUTH_NEED, VIOLATION_TRUTH_NEED, COORDINATED_TRUTH_NEED, KNOWN_EVENTS_NEED, SOUND_NEED]) for (const c of need.columns) expect(names.has(c), c).toBe(true);
  });
});

describe("SECTION_NEEDS", () => {
  it("places every need the module defines, so the data-quality page lists every section that adapts", () => {
    const defined = Object.entries(needs).filter(([name]) => name.endsWith("_NEED")).map(([, need]) => need);
    expect(new Set(SECTION_NEEDS.map((s) => s.need))).toEqual(new Set(defined));
  });
});
