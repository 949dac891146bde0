import {describe, expect, it} from "vitest";
import {checkRewrite, numbersIn} from "../../../src/ops/checkRewrite.js";

const source = "Top risks\n- 124 of 657 cases (18.9%) on 2025-08-31; 1,028 cases.\nStaffing\n- 7 reviewers.";

describe("checkRewrite", () => {
  it("numbersIn(text) normalises thousands separators, leading zeros and trailing zeros", () => {
    expect(numbersIn("1,028 cases, 18.90% on 2025-08-01")).toEqual(["1028", "18.9", "2025", "8", "1"]);
    expect(numbersIn("no digits")).toEqual([]);
  });
  it("checkRewrite(rewrite, source) accepts a rewording with the same numbers and titles", () => {
    expect(checkRewrite("TOP RISKS\n- 18.9% (124 of 657) breached.\nStaffing\n- Hire to 7; 1028 cases.", source, {titles: ["Top risks", "Staffing"]})).toEqual({ok: true, problems: []});
  });
  it("checkRewrite rejects new or rounded numbers, missing sections, markup and empty text", () => {
    expect(checkRewrite("Top risks: 19% breached", source).problems).toEqual(["numbers not in the report: 19"]);
    expect(checkRewrite("Top risks only", source, {titles: ["Top risks", "Staffing"]}).problems).toEqual(["missing sections: Staffing"]);
    expect(checkRewrite("<b>Top risks</b>", source).ok).toBe(false);
    expect(checkRewrite("  ", source).problems).toContain("empty rewrite");
    expect(checkRewrite("x".repeat(20), source, {maxLength: 10}).problems).toEqual(["rewrite too long: 20 characters (at most 10)"]);
  });
});
