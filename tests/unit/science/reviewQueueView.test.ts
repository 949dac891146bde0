import {describe, expect, it} from "vitest";
import {auditLogTemplate, caseEvidence, queueFigures, type QueuedCase} from "../../../src/science/reviewQueueView.js";

const queued = (case_id: string, suggested_action: QueuedCase["suggested_action"], linked_accounts: number, truth_abusive: boolean): QueuedCase => ({case_id, user_id: `u-${case_id}`, suggested_action, linked_accounts, truth_abusive});
const cases = [queued("c1", "block", 2, true), queued("c2", "escalate", 0, true), queued("c3", "escalate", 1, false), queued("c4", "warn", 0, false)];

describe("queueFigures(cases)", () => {
  it("queueFigures counts cases per suggested action (every action, zeros included), linked cases and the abusive share", () => {
    expect(queueFigures(cases)).toEqual({byAction: {allow: 0, warn: 1, rate_limit: 0, block: 1, escalate: 2}, withLinks: 2, precision: 0.5});
  });
  it("queueFigures of an empty queue has no precision", () => {
    expect(queueFigures([]).precision).toBeNaN();
  });
});

describe("caseEvidence(caseId, snippets, links)", () => {
  it("caseEvidence keeps one case's texts and links in their published order", () => {
    const snippets = [{case_id: "c2", n: 1}, {case_id: "c1", n: 2}, {case_id: "c2", n: 3}];
    const links = [{case_id: "c1", to: "a"}, {case_id: "c3", to: "b"}];
    expect(caseEvidence("c2", snippets, links)).toEqual({snippets: [{case_id: "c2", n: 1}, {case_id: "c2", n: 3}], links: []});
    expect(caseEvidence("c1", snippets, links).links).toEqual([{case_id: "c1", to: "a"}]);
  });
});

describe("auditLogTemplate(cases)", () => {
  it("auditLogTemplate pre-fills the case, the account and the suggestion, and leaves the decision blank", () => {
    const rows = auditLogTemplate(cases);
    expect(rows).toHaveLength(4);
    expect(rows[2]).toEqual({case_id: "c3", user_id: "u-c3", reviewer_id: null, decision: null, policy: null, rationale: null, decided_at: null, suggested_action: "escalate"});
  });
});
