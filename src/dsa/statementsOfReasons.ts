import {dayKey} from "../metrics/computeKpi.js";
import {COUNTRIES} from "../core/constants.js";
import {LEGAL_GROUNDS} from "../core/dsaTerms.js";
import type {DsaMapping} from "./mapping.js";
import {EEA_COUNTRY_CODES, type StatementOfReasons} from "./statement.js";

/**
 * One statement of reasons (Article 17 DSA) per enforcement decision on content from the EEA, in the
 * Transparency Database API's v2 shape. Reads a flag's row joined with its dsa_flags row, as published.
 */

/** A flag joined with its DSA facts: the columns of flags and dsa_flags the statements read. */
export interface DecisionRow {
  flag_id: number;
  date: string | Date;
  decided_ts: number | Date;
  country: string;
  category: string;
  source: string;
  route: string;
  action: string;
  content_type: string;
  content_language: string;
  account_type: string;
  notice_type: string;
  alleged_legal_ground: string | null;
  decision_ground: string | null;
  suspension_end_date: string | Date | null;
  suspension_permanent: boolean;
}

const CODE_OF = new Map(COUNTRIES.map((c) => [c.name, c.code]));
const LAW_OF = new Map(LEGAL_GROUNDS.map((g) => [g.id, g.law]));
/** Names of the countries in the EEA, where the DSA applies. */
export const EEA_COUNTRIES: readonly string[] = COUNTRIES.filter((c) => (EEA_COUNTRY_CODES as readonly string[]).includes(c.code)).map((c) => c.name);

const NOTICE_TEXT: Record<string, string> = {
  article_16: "A user reported the content through the illegal-content notice form (Article 16 DSA)",
  trusted_flagger: "A trusted flagger (Article 22 DSA) reported the content",
  other_notification: "A user reported the content in the app",
  own_initiative: "The platform's classifier detected the content on its own initiative"
};
const ROUTE_TEXT: Record<string, string> = {
  human_review: "a trained moderator reviewed it",
  auto_block: "its classifier score was over the automatic block threshold",
  auto_action: "its classifier score was in the band for automatic light actions",
  auto_dismiss: "it was dismissed automatically"
};
const ACTION_TEXT: Record<string, string> = {removal: "removed the content", downrank: "demoted the content", warning: "warned the account holder", suspension: "suspended the account"};

/** The enforcement decisions a statement is owed for: enforced, on EEA content, flagged in [from, to]. */
export function owesStatement(row: Pick<DecisionRow, "action" | "country" | "date">, from: string, to: string): boolean {
  if (row.action === "none" || !EEA_COUNTRIES.includes(row.country)) return false;
  const day = dayKey(row.date);
  return day >= from && day <= to;
}

/** Statements of reasons for every decision that owes one, in flag order. */
export function statementsOfReasons(rows: readonly DecisionRow[], mapping: DsaMapping, {from, to}: {from: string; to: string}): StatementOfReasons[] {
  return rows.filter((r) => owesStatement(r, from, to)).map((r) => statementOfReasons(r, mapping));
}

/** The decision fields of an action: visibility or account, with the restriction's end. */
function decisionFields(row: DecisionRow, mapping: DsaMapping): Pick<StatementOfReasons, "decision_visibility" | "decision_visibility_other" | "end_date_visibility_restriction" | "decision_account" | "end_date_account_restriction"> {
  const action = mapping.actions[row.action];
  if (!action) throw new Error(`unmapped action: ${JSON.stringify(row.action)} (flag ${row.flag_id})`);
  const account = action.decision_account ? (row.suspension_permanent ? action.decision_account_permanent ?? action.decision_account : action.decision_account) : null;
  return {
    decision_visibility: action.decision_visibility ?? null,
    decision_visibility_other: action.decision_visibility?.includes("DECISION_VISIBILITY_OTHER") ? action.decision_visibility_other ?? null : null,
    end_date_visibility_restriction: null,
    decision_account: account,
    end_date_account_restriction: account && row.suspension_end_date ? dayKey(row.suspension_end_date) : null
  };
}

/** The ground fields: the law and why the content breaks it, or the terms and why it breaks them. */
function groundFields(row: DecisionRow, mapping: DsaMapping) {
  const category = mapping.categories[row.category];
  if (!category) throw new Error(`unmapped category: ${JSON.stringify(row.category)} (flag ${row.flag_id})`);
  if (row.decision_ground !== "illegal_content") {
    return {
      decision_ground: "DECISION_GROUND_INCOMPATIBLE_CONTENT",
      illegal_content_legal_ground: null,
      illegal_content_explanation: null,
      incompatible_content_ground: category.terms_ground,
      incompatible_content_explanation: category.terms_explanation,
      incompatible_content_illegal: null,
      category: category.category,
      category_specification: category.specification,
      category_specification_other: category.specification.includes("KEYWORD_OTHER") ? category.specification_other : null
    };
  }
  const ground = row.alleged_legal_ground ?? category.legal_ground;
  const legal = ground ? mapping.legal_grounds[ground] : undefined;
  if (!ground || !legal || !LAW_OF.has(ground)) throw new Error(`illegal-content decision without a mapped legal ground: ${JSON.stringify(ground ?? null)} (flag ${row.flag_id})`);
  return {
    decision_ground: "DECISION_GROUND_ILLEGAL_CONTENT",
    illegal_content_legal_ground: LAW_OF.get(ground)!,
    illegal_content_explanation: legal.explanation,
    incompatible_content_ground: null,
    incompatible_content_explanation: null,
    incompatible_content_illegal: null,
    category: legal.category,
    category_specification: legal.specification,
    category_specification_other: null
  };
}

/** The facts and circumstances relied on, as a sentence without personal data. */
export function decisionFacts(row: DecisionRow): string {
  const how = NOTICE_TEXT[row.notice_type] ?? "The content was reported";
  return `${how} on ${dayKey(row.date)}; ${ROUTE_TEXT[row.route] ?? row.route}, and the platform ${ACTION_TEXT[row.action] ?? row.action} on ${dayKey(row.decided_ts)}.`;
}

export function statementOfReasons(row: DecisionRow, mapping: DsaMapping): StatementOfReasons {
  const code = CODE_OF.get(row.country);
  if (!code) throw new Error(`unknown country: ${JSON.stringify(row.country)} (flag ${row.flag_id})`);
  const ground = groundFields(row, mapping);
  return {
    puid: `sor-${row.flag_id}`,
    ...decisionFields(row, mapping),
    decision_monetary: null,
    decision_monetary_other: null,
    end_date_monetary_restriction: null,
    decision_provision: null,
    end_date_service_restriction: null,
    account_type: mapping.account_types[row.account_type] ?? null,
    ...ground,
    content_type: [mapping.content_types[row.content_type]],
    content_type_other: null,
    // A decision on the law of one member state restricts there; one on the terms, everywhere.
    territorial_scope: ground.decision_ground === "DECISION_GROUND_ILLEGAL_CONTENT" ? [code] : [...EEA_COUNTRY_CODES],
    content_language: row.content_language,
    content_date: dayKey(row.date),
    application_date: dayKey(row.decided_ts),
    decision_facts: decisionFacts(row),
    source_type: mapping.notice_types[row.notice_type],
    source_identity: null,
    automated_detection: mapping.sources[row.source]?.automated_detection,
    automated_decision: mapping.routes[row.route]
  };
}
