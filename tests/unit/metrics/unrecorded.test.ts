import {describe, expect, it} from "vitest";
import {kpiDefinition} from "../../../src/metrics/definitions.js";
import {measureKpi} from "../../../src/metrics/kpiFigure.js";
import {unrecordedColumns} from "../../../src/metrics/unrecorded.js";

/** Three flags from the classifier; is_violation as a platform without ground truth publishes it (null), or known. */
const flag = (is_violation: boolean | null, action = "removal") => ({date: "2025-03-01", region: "APAC", country: "Singapore", source: "ai", route: "auto_block", severity: "high", action, is_violation, coordinated: null, actor_id: "u1"});
const unknown = {flags: [flag(null), flag(null), flag(null, "none")]};
const known = {flags: [flag(true), flag(false), flag(true, "none")]};
const window = {from: "2025-03-01", to: "2025-03-01"};

describe("unrecordedColumns(formula, tables)", () => {
  it("names the flag columns a formula filters on that hold only nulls", () => {
    expect(unrecordedColumns(kpiDefinition("detection_precision").formula, unknown)).toEqual(["flags.is_violation"]);
    expect(unrecordedColumns(kpiDefinition("coordinated_share").formula, unknown)).toEqual(["flags.coordinated"]);
  });
  it("follows a derived field to the columns it is computed from (decision_correct: action and is_violation)", () => {
    expect(unrecordedColumns(kpiDefinition("qa_pass_rate").formula, unknown)).toEqual(["flags.is_violation"]);
  });
  it("names nothing when one row records the column, or when the formula reads no flag column", () => {
    expect(unrecordedColumns(kpiDefinition("detection_precision").formula, known)).toEqual([]);
    expect(unrecordedColumns(kpiDefinition("detection_precision").formula, {flags: [flag(null), flag(false)]})).toEqual([]);
    expect(unrecordedColumns(kpiDefinition("enforcement_rate").formula, unknown)).toEqual([]);
  });
  it("names the daily_country columns a sum or ratio reads that hold only nulls (an import without appeals or activity)", () => {
    const day = (appeals: number | null) => ({date: "2025-03-01", country: "Singapore", appeals, successful_appeals: appeals, enforcements: 4, reports: 9, content_created: null});
    expect(unrecordedColumns(kpiDefinition("appeals").formula, {daily_country: [day(null), day(null)]})).toEqual(["daily_country.appeals"]);
    expect(unrecordedColumns(kpiDefinition("appeal_overturn_rate").formula, {daily_country: [day(null)]})).toEqual(["daily_country.successful_appeals", "daily_country.appeals"]);
    expect(unrecordedColumns(kpiDefinition("appeals").formula, {daily_country: [day(null), day(0)]})).toEqual([]);
    expect(unrecordedColumns(kpiDefinition("enforcement_rate").formula, {daily_country: [day(null)]})).toEqual([]);
  });
  it("reads a cube when there is one (a cube row stands for n flags)", () => {
    const cube = [{date: "2025-03-01", source: "ai", is_violation: null, n: 5}];
    expect(unrecordedColumns(kpiDefinition("detection_precision").formula, {flag_cubes: [cube]})).toEqual(["flags.is_violation"]);
  });
});

describe("measureKpi on data without the column a KPI needs", () => {
  it("gives no value and says which column would give one, instead of a confident 0%", () => {
    const f = measureKpi("detection_precision", unknown, window);
    expect(f).toMatchObject({value: null, numerator: null, denominator: null, n: 0, unrecorded: ["flags.is_violation"]});
  });
  it("gives the value, and no unrecorded list, when the column is there (2 of 3 classifier flags violate)", () => {
    const f = measureKpi("detection_precision", known, window);
    expect(f.value).toBeCloseTo(2 / 3, 12);
    expect(f).not.toHaveProperty("unrecorded");
  });
});
