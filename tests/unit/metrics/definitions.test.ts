import {describe, expect, it} from "vitest";
import {describeFormula, describeFilter, kpiTables} from "../../../src/metrics/describeKpi.js";
import {KPI_DEFINITIONS, kpiDefinition} from "../../../src/metrics/definitions.js";
import {DAILY_COUNTRY, FLAGS} from "../../../src/io/contracts.js";
import {DERIVED_FIELDS} from "../../../src/metrics/computeKpi.js";

const columns = (schema: typeof FLAGS) => new Set(schema.columns.map((c) => c.name));

describe("KPI_DEFINITIONS", () => {
  it("KPI_DEFINITIONS have unique ids and a version equal to their last change-log entry", () => {
    expect(new Set(KPI_DEFINITIONS.map((d) => d.id)).size).toBe(KPI_DEFINITIONS.length);
    for (const d of KPI_DEFINITIONS) {
      expect(d.changelog.length).toBeGreaterThan(0);
      expect(d.changelog.at(-1)!.version, d.id).toBe(d.version);
    }
  });
  it("KPI_DEFINITIONS cover the analyst role profile section 7's measurable KPIs", () => {
    for (const id of ["harm_prevalence", "tta_high_p50", "tta_high_p90", "ttr_standard", "detection_precision", "proactive_share", "qa_pass_rate", "appeal_overturn_rate", "recurrence_rate", "report_rate", "backlog_health"]) expect(() => kpiDefinition(id)).not.toThrow();
    expect(() => kpiDefinition("nope")).toThrow("unknown kpi: nope");
  });
  it("every formula names columns of the published contracts", () => {
    const daily = columns(DAILY_COUNTRY);
    const flags = new Set([...columns(FLAGS), ...Object.keys(DERIVED_FIELDS)]);
    for (const d of KPI_DEFINITIONS) {
      const text = JSON.stringify(d.formula);
      for (const m of text.matchAll(/"sum":"(\w+)"/g)) expect(daily.has(m[1]), `${d.id}: ${m[1]}`).toBe(true);
      const f = d.formula;
      const filters = f.kind === "ratio" ? [f.numerator, f.denominator].flatMap((m) => (m.table === "flags" ? [m.count] : [])) : f.kind === "quantile" ? [f.where] : f.kind === "recurrence" ? [f.offence] : [];
      for (const filter of filters) for (const name of Object.keys(filter)) expect(flags.has(name), `${d.id}: ${name}`).toBe(true);
      if (f.kind === "quantile") expect(flags.has(f.field)).toBe(true);
      if (f.kind === "median_of_days" || f.kind === "share_of_days") expect(daily.has(f.field)).toBe(true);
    }
  });
});

describe("describeFormula", () => {
  it("describeFormula(ratio) renders numerator and denominator from the formula", () => {
    expect(describeFormula(kpiDefinition("report_rate").formula)).toEqual({numerator: "sum of daily_country.reports", denominator: "sum of daily_country.content_created"});
    expect(describeFormula(kpiDefinition("harm_prevalence").formula).numerator).toBe("count of flags where is_violation = true × 1,000");
  });
  it("describeFilter(filter) renders lists, negation and derived fields", () => {
    expect(describeFilter({severity: ["critical", "high"], source: {not: "ai"}, enforced: true})).toBe("severity in {critical, high} and source ≠ ai and enforced (action is not none) = true");
    expect(describeFilter({})).toBe("every row");
  });
  it("kpiTables(def) lists the tables a definition reads", () => {
    expect(kpiTables(kpiDefinition("harm_prevalence"))).toEqual(["flags", "daily_country"]);
    expect(kpiTables(kpiDefinition("median_response_time"))).toEqual(["daily_country"]);
  });
});
