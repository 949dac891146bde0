/**
 * The DSA transparency outputs on the published tables: every statement of reasons passes the
 * Transparency Database's rules, and the harmonised report's totals reconcile with the statements and
 * with the metric layer (notices = Article 16 flags, actions = enforcement decisions, medians = the
 * dictionary's time to action).
 */
import {readFileSync} from "node:fs";
import {beforeAll, describe, expect, it} from "vitest";
import {analyseTransparency, joinDsaFlags, type HarmonisedReport, type MonthlyRow, type ReportRow} from "../../src/dsa/harmonisedReport.js";
import {parseDsaMapping, type DsaMapping} from "../../src/dsa/mapping.js";
import type {StatementOfReasons} from "../../src/dsa/statement.js";
import {EEA_COUNTRIES, statementsOfReasons} from "../../src/dsa/statementsOfReasons.js";
import {validateStatements} from "../../src/dsa/validateStatements.js";
import {columnsToRows} from "../../src/io/export.js";
import {computeKpi, type Row} from "../../src/metrics/computeKpi.js";
import {kpiDefinition} from "../../src/metrics/definitions.js";
import {measureKpi} from "../../src/metrics/kpiFigure.js";
import {quantile} from "../../src/core/quantile.js";
import {sharedTables} from "../support/sharedWorlds.js";

const MAPPING_TEXT = readFileSync(new URL("../../src/dsa/dsa-mapping.json", import.meta.url), "utf8");
const mapping: DsaMapping = parseDsaMapping(JSON.parse(MAPPING_TEXT));
const WINDOW = {from: "2025-06-03", to: "2025-08-31"};
const day = (v: unknown) => (typeof v === "number" ? new Date(v).toISOString() : String(v)).slice(0, 10);

for (const {seed, scale} of [{seed: 42, scale: 1}, {seed: 7, scale: 0.3}]) {
  describe(`transparency outputs at seed ${seed}, scale ${scale}, ${WINDOW.from} to ${WINDOW.to}`, () => {
    let rows: ReportRow[];
    let daily: Row[];
    let statements: StatementOfReasons[];
    let report: HarmonisedReport;
    /** Flags on EEA content in the window: the population every figure counts from. */
    let eea: ReportRow[];
    beforeAll(() => {
      const t = sharedTables({seed, scale});
      rows = joinDsaFlags(columnsToRows(t.flags), columnsToRows(t.dsa_flags));
      daily = columnsToRows(t.daily_country);
      statements = statementsOfReasons(rows, mapping, WINDOW);
      report = analyseTransparency(rows, columnsToRows(t.monthly_active) as unknown as MonthlyRow[], mapping, WINDOW);
      eea = rows.filter((r) => EEA_COUNTRIES.includes(r.country) && day(r.date) >= WINDOW.from && day(r.date) <= WINDOW.to);
    });

    it("every statement of reasons passes the database's rules", () => {
      expect(statements.length).toBeGreaterThan(100);
      expect(validateStatements(statements as unknown as Record<string, unknown>[])).toEqual([]);
    });
    it("actions = enforcement decisions: one statement per enforcement, as the dictionary's enforcements KPI counts them", () => {
      const kpi = EEA_COUNTRIES.reduce((s, country) => s + measureKpi("enforcements", {daily_country: daily}, {...WINDOW, country}).value!, 0);
      expect(report.decisions).toBe(statements.length);
      expect(statements.length).toBe(kpi);
      expect(statements.length).toBe(eea.filter((r) => r.action !== "none").length);
    });
    it("notices = Article 16 flags, and trusted-flagger notices = trusted-flagger flags, in the EEA", () => {
      expect(report.notices.article16).toBe(eea.filter((r) => r.notice_type === "article_16").length);
      expect(report.notices.trustedFlagger).toBe(eea.filter((r) => r.source === "trusted_flagger").length);
      expect(report.notices.byCategory.reduce((s, c) => s + c.article16, 0)).toBe(report.notices.article16);
      expect(report.notices.byCategory.reduce((s, c) => s + c.trustedFlagger, 0)).toBe(report.notices.trustedFlagger);
      expect(rows.some((r) => r.notice_type === "article_16" && !EEA_COUNTRIES.includes(r.country))).toBe(false);
    });
    it("actions on notices and own-initiative actions are the statements with those sources", () => {
      const bySource = (...types: string[]) => statements.filter((s) => types.includes(s.source_type));
      const onNotices = bySource("SOURCE_ARTICLE_16", "SOURCE_TRUSTED_FLAGGER");
      expect(report.notices.actions.total).toBe(onNotices.length);
      expect(report.notices.actions.illegalContent).toBe(onNotices.filter((s) => s.decision_ground === "DECISION_GROUND_ILLEGAL_CONTENT").length);
      expect(report.notices.actions.illegalContent + report.notices.actions.termsAndConditions).toBe(onNotices.length);
      expect(report.ownInitiative.actions).toBe(bySource("SOURCE_VOLUNTARY").length);
      for (const part of [report.ownInitiative.byCategory, report.ownInitiative.byDecision, report.ownInitiative.byRestriction]) {
        expect(part.reduce((s, c) => s + c.count, 0)).toBe(report.ownInitiative.actions);
      }
      expect(report.suspensions.total).toBe(statements.filter((s) => s.decision_account !== null).length);
      expect(report.automatedAccuracy.decisions).toBe(statements.filter((s) => s.automated_decision === "AUTOMATED_DECISION_FULLY").length);
    });
    it("the median time to action on notices is the dictionary's tta_p50 over those flags", () => {
      const notices = eea.filter((r) => r.notice_type === "article_16" || r.notice_type === "trusted_flagger");
      expect(report.notices.medianHours.kpi).toBe("tta_p50");
      expect(report.notices.medianHours.value).toBe(computeKpi(kpiDefinition("tta_p50"), {flags: notices as unknown as Row[]}, WINDOW));
      expect(report.notices.medianHours.value).toBeCloseTo(quantile(notices.filter((r) => r.action !== "none").map((r) => r.tta_hours), 0.5), 12);
    });
    it("complaints: decided ones are a subset of those filed, reversals of those decided", () => {
      const c = report.complaints;
      expect(c.decided).toBeLessThanOrEqual(c.received);
      expect(c.reversed).toBeLessThanOrEqual(c.decided);
      expect(c.medianHours).toBeGreaterThan(0);
    });
    it("ground truth stays consistent: illegal content violates policy, and only enforcements have a ground", () => {
      expect(rows.some((r) => (r as unknown as {is_illegal: boolean}).is_illegal && !r.is_violation)).toBe(false);
      expect(rows.every((r) => (r.decision_ground === null) === (r.action === "none"))).toBe(true);
      expect(report.recipients.map((r) => r.code).sort()).toEqual(["DE", "ES", "FR", "IT", "PL"]);
    });
  });
}

describe("parseDsaMapping(raw)", () => {
  it("accepts the project's mapping", () => {
    expect(mapping.version).toMatch(/^\d+\.\d+\.\d+$/);
  });
  it("names every unmapped workbook value and every value the API rejects, in one error", () => {
    const broken = JSON.parse(MAPPING_TEXT);
    delete broken.categories.spam;
    delete broken.routes.human_review;
    broken.actions.removal.decision_visibility = ["DECISION_VISIBILITY_GONE"];
    broken.categories.nudity.category = "STATEMENT_CATEGORY_NUDITY";
    let message = "";
    try {
      parseDsaMapping(broken);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("4 problems");
    expect(message).toContain('categories: unmapped value "spam"');
    expect(message).toContain('routes: unmapped value "human_review"');
    expect(message).toContain('actions.removal.decision_visibility[0]: "DECISION_VISIBILITY_GONE"');
    expect(message).toContain('categories.nudity.category: "STATEMENT_CATEGORY_NUDITY"');
  });
});
