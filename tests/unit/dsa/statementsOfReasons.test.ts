import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {parseDsaMapping} from "../../../src/dsa/mapping.js";
import {sampleStatements} from "../../../src/dsa/reportRows.js";
import {statementOfReasons, statementsOfReasons, type DecisionRow} from "../../../src/dsa/statementsOfReasons.js";
import {validateStatements} from "../../../src/dsa/validateStatements.js";

const mapping = parseDsaMapping(JSON.parse(readFileSync(new URL("../../../src/dsa/dsa-mapping.json", import.meta.url), "utf8")));
const DAY = 86_400_000;
const row = (over: Partial<DecisionRow> = {}): DecisionRow => ({
  flag_id: 7, date: "2025-07-01", decided_ts: Date.parse("2025-07-02T10:00:00Z"), country: "Germany", category: "harassment_hate", source: "user",
  route: "human_review", action: "removal", content_type: "text", content_language: "DE", account_type: "private", notice_type: "article_16",
  alleged_legal_ground: "hate_speech", decision_ground: "terms_and_conditions", suspension_end_date: null, suspension_permanent: false, ...over
});

describe("statementOfReasons(row, mapping)", () => {
  it("files a terms decision under the policy category, restricted across the EEA", () => {
    const s = statementOfReasons(row(), mapping);
    expect(s).toMatchObject({puid: "sor-7", decision_visibility: ["DECISION_VISIBILITY_CONTENT_REMOVED"], decision_ground: "DECISION_GROUND_INCOMPATIBLE_CONTENT", category: "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH", source_type: "SOURCE_ARTICLE_16", automated_detection: "No", automated_decision: "AUTOMATED_DECISION_NOT_AUTOMATED", content_date: "2025-07-01", application_date: "2025-07-02"});
    expect(s.territorial_scope).toHaveLength(30);
    expect(s.illegal_content_legal_ground).toBeNull();
  });
  it("files an illegal-content decision under the cited law's category, in its member state only", () => {
    const s = statementOfReasons(row({decision_ground: "illegal_content"}), mapping);
    expect(s.decision_ground).toBe("DECISION_GROUND_ILLEGAL_CONTENT");
    expect(s.illegal_content_legal_ground).toContain("2008/913/JHA");
    expect(s.territorial_scope).toEqual(["DE"]);
    expect(s.incompatible_content_ground).toBeNull();
  });
  it("maps a temporary suspension to a suspended account with its end, a permanent one to a termination", () => {
    const temporary = statementOfReasons(row({action: "suspension", suspension_end_date: "2025-07-09"}), mapping);
    expect(temporary).toMatchObject({decision_account: "DECISION_ACCOUNT_SUSPENDED", end_date_account_restriction: "2025-07-09", decision_visibility: null});
    const permanent = statementOfReasons(row({action: "suspension", suspension_permanent: true}), mapping);
    expect(permanent).toMatchObject({decision_account: "DECISION_ACCOUNT_TERMINATED", end_date_account_restriction: null});
  });
  it("gives child sexual abuse material its law when no notice cited one", () => {
    const s = statementOfReasons(row({category: "child_safety", notice_type: "own_initiative", source: "ai", alleged_legal_ground: null, decision_ground: "illegal_content"}), mapping);
    expect(s.illegal_content_legal_ground).toContain("2011/93/EU");
    expect(s.source_type).toBe("SOURCE_VOLUNTARY");
    expect(s.automated_detection).toBe("Yes");
  });
  it("throws naming the flag when an illegal-content decision has no law", () => {
    expect(() => statementOfReasons(row({alleged_legal_ground: null, decision_ground: "illegal_content"}), mapping)).toThrow("flag 7");
  });
  it("produces records that pass the database's rules", () => {
    const rows = [row(), row({flag_id: 8, decision_ground: "illegal_content"}), row({flag_id: 9, action: "warning"}), row({flag_id: 10, action: "suspension", suspension_end_date: "2025-08-01"}), row({flag_id: 11, action: "downrank", route: "auto_action", source: "ai", notice_type: "own_initiative", alleged_legal_ground: null})];
    expect(validateStatements(rows.map((r) => statementOfReasons(r, mapping)) as unknown as Record<string, unknown>[])).toEqual([]);
  });
});

describe("statementsOfReasons(rows, mapping, window)", () => {
  it("owes a statement for enforcements on EEA content flagged in the window only", () => {
    const rows = [row(), row({flag_id: 8, action: "none", decision_ground: null}), row({flag_id: 9, country: "United Kingdom"}), row({flag_id: 10, date: "2025-05-31"}), row({flag_id: 11, date: new Date(Date.parse("2025-07-31") + DAY / 2)})];
    expect(statementsOfReasons(rows, mapping, {from: "2025-06-01", to: "2025-07-31"}).map((s) => s.puid)).toEqual(["sor-7", "sor-11"]);
  });
});

describe("sampleStatements(statements, limit)", () => {
  it("takes the first of each kind, alternating between grounds", () => {
    const all = [row(), row({flag_id: 8}), row({flag_id: 9, action: "warning"}), row({flag_id: 10, decision_ground: "illegal_content"})].map((r) => statementOfReasons(r, mapping));
    expect(sampleStatements(all, 3).map((s) => s.puid)).toEqual(["sor-10", "sor-7", "sor-9"]);
  });
});
