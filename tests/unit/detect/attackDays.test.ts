import {describe, expect, it} from "vitest";
import {attackDays} from "../../../src/detect/attackDays.js";

describe("attackDays", () => {
  it("attackDays(flags, dates) lists each day's attacks once, sorted, and ignores other dates", () => {
    const flags = [
      {date: "2025-06-02", attack_id: "A2"},
      {date: new Date("2025-06-02T05:00:00Z"), attack_id: "A1"},
      {date: "2025-06-02", attack_id: "A2"},
      {date: "2025-06-01", attack_id: null},
      {date: "2025-05-01", attack_id: "A9"}
    ];
    expect(attackDays(flags, ["2025-06-01", "2025-06-02"])).toEqual({truth: [false, true], attacks: [[], ["A1", "A2"]]});
    expect(attackDays([], [])).toEqual({truth: [], attacks: []});
  });
});
