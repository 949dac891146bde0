import {CATEGORIES, ENFORCEMENTS, ROUTES, SOURCES} from "../core/constants.js";
import {ACCOUNT_TYPES, CONTENT_TYPES, LEGAL_GROUNDS, NOTICE_TYPES} from "../core/dsaTerms.js";
import * as DSA from "./statement.js";

/**
 * The mapping from the workbook's vocabulary to the DSA's (src/dsa/dsa-mapping.json): data, versioned,
 * shown on the transparency page. `parseDsaMapping` checks it whole and throws one error listing every
 * unmapped workbook value and every value the API would not accept.
 */

export interface CategoryMapping {
  category: string;
  specification: string[];
  specification_other: string | null;
  terms_ground: string;
  terms_explanation: string;
  /** The law an illegal-content decision rests on when no notice cited one (child sexual abuse material). */
  legal_ground?: string;
}

export interface LegalGroundMapping {
  category: string;
  specification: string[];
  explanation: string;
}

export interface ActionMapping {
  decision_visibility?: string[];
  decision_visibility_other?: string;
  decision_account?: string;
  /** The account decision when a suspension is permanent. */
  decision_account_permanent?: string;
}

export interface DsaMapping {
  version: string;
  changed: string;
  note: string;
  categories: Record<string, CategoryMapping>;
  legal_grounds: Record<string, LegalGroundMapping>;
  notice_types: Record<string, string>;
  sources: Record<string, {automated_detection: string}>;
  routes: Record<string, string>;
  actions: Record<string, ActionMapping>;
  content_types: Record<string, string>;
  account_types: Record<string, string>;
}

type Check = (problems: string[], m: DsaMapping) => void;

const oneOf = (problems: string[], where: string, value: unknown, allowed: readonly string[]) => {
  if (typeof value !== "string" || !allowed.includes(value)) problems.push(`${where}: ${JSON.stringify(value)} is not one of the API's values`);
};
const allOf = (problems: string[], where: string, values: unknown, allowed: readonly string[]) => {
  if (!Array.isArray(values) || values.length === 0) problems.push(`${where}: expected a non-empty list`);
  else values.forEach((v, i) => oneOf(problems, `${where}[${i}]`, v, allowed));
};
const text = (problems: string[], where: string, value: unknown, max: number) => {
  if (typeof value !== "string" || value.trim() === "") problems.push(`${where}: expected text`);
  else if (value.length > max) problems.push(`${where}: ${value.length} characters, over the API's ${max}`);
};
/** Every workbook value has an entry, and no entry names a value the workbook does not have. */
const covers = (problems: string[], section: string, entries: object | undefined, values: readonly string[]) => {
  if (typeof entries !== "object" || entries === null) return void problems.push(`${section}: missing`);
  for (const v of values) if (!(v in entries)) problems.push(`${section}: unmapped value ${JSON.stringify(v)}`);
  for (const k of Object.keys(entries)) if (!values.includes(k)) problems.push(`${section}: ${JSON.stringify(k)} is not a workbook value`);
};

const CHECKS: Check[] = [
  (p, m) => {
    if (typeof m.version !== "string" || !/^\d+\.\d+\.\d+$/.test(m.version)) p.push(`version: expected MAJOR.MINOR.PATCH, got ${JSON.stringify(m.version)}`);
  },
  (p, m) => {
    covers(p, "categories", m.categories, CATEGORIES);
    for (const [k, c] of Object.entries(m.categories ?? {})) {
      oneOf(p, `categories.${k}.category`, c.category, DSA.DSA_CATEGORIES);
      allOf(p, `categories.${k}.specification`, c.specification, DSA.KEYWORDS);
      text(p, `categories.${k}.terms_ground`, c.terms_ground, DSA.TEXT_LIMITS.incompatible_content_ground);
      text(p, `categories.${k}.terms_explanation`, c.terms_explanation, DSA.TEXT_LIMITS.incompatible_content_explanation);
      if (c.specification?.includes("KEYWORD_OTHER")) text(p, `categories.${k}.specification_other`, c.specification_other, DSA.TEXT_LIMITS.category_specification_other);
      if (c.legal_ground !== undefined) oneOf(p, `categories.${k}.legal_ground`, c.legal_ground, LEGAL_GROUNDS.map((g) => g.id));
    }
  },
  (p, m) => {
    covers(p, "legal_grounds", m.legal_grounds, LEGAL_GROUNDS.map((g) => g.id));
    for (const [k, g] of Object.entries(m.legal_grounds ?? {})) {
      oneOf(p, `legal_grounds.${k}.category`, g.category, DSA.DSA_CATEGORIES);
      allOf(p, `legal_grounds.${k}.specification`, g.specification, DSA.KEYWORDS);
      text(p, `legal_grounds.${k}.explanation`, g.explanation, DSA.TEXT_LIMITS.illegal_content_explanation);
    }
  },
  (p, m) => {
    covers(p, "notice_types", m.notice_types, NOTICE_TYPES);
    for (const [k, v] of Object.entries(m.notice_types ?? {})) oneOf(p, `notice_types.${k}`, v, DSA.SOURCE_TYPES);
    covers(p, "sources", m.sources, SOURCES);
    for (const [k, v] of Object.entries(m.sources ?? {})) oneOf(p, `sources.${k}.automated_detection`, v?.automated_detection, DSA.YES_NO);
    covers(p, "routes", m.routes, ROUTES);
    for (const [k, v] of Object.entries(m.routes ?? {})) oneOf(p, `routes.${k}`, v, DSA.AUTOMATED_DECISIONS);
    covers(p, "content_types", m.content_types, CONTENT_TYPES);
    for (const [k, v] of Object.entries(m.content_types ?? {})) oneOf(p, `content_types.${k}`, v, DSA.CONTENT_TYPES);
    covers(p, "account_types", m.account_types, ACCOUNT_TYPES);
    for (const [k, v] of Object.entries(m.account_types ?? {})) oneOf(p, `account_types.${k}`, v, DSA.ACCOUNT_TYPES);
  },
  (p, m) => {
    covers(p, "actions", m.actions, ENFORCEMENTS);
    for (const [k, a] of Object.entries(m.actions ?? {})) {
      if (!a?.decision_visibility && !a?.decision_account) p.push(`actions.${k}: maps to no decision (expected decision_visibility or decision_account)`);
      if (a?.decision_visibility) allOf(p, `actions.${k}.decision_visibility`, a.decision_visibility, DSA.DECISION_VISIBILITIES);
      if (a?.decision_visibility?.includes("DECISION_VISIBILITY_OTHER")) text(p, `actions.${k}.decision_visibility_other`, a.decision_visibility_other, DSA.TEXT_LIMITS.decision_visibility_other);
      if (a?.decision_account) oneOf(p, `actions.${k}.decision_account`, a.decision_account, DSA.DECISION_ACCOUNTS);
      if (a?.decision_account_permanent) oneOf(p, `actions.${k}.decision_account_permanent`, a.decision_account_permanent, DSA.DECISION_ACCOUNTS);
    }
  }
];

/** The mapping, checked: throws `invalid DSA mapping (<file>): ...` listing every problem, one per line. */
export function parseDsaMapping(raw: unknown, file = "src/dsa/dsa-mapping.json"): DsaMapping {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new Error(`invalid DSA mapping (${file}): expected a JSON object`);
  const mapping = raw as DsaMapping;
  const problems: string[] = [];
  for (const check of CHECKS) check(problems, mapping);
  if (problems.length) throw new Error(`invalid DSA mapping (${file}): ${problems.length} problem${problems.length === 1 ? "" : "s"}\n  ${problems.join("\n  ")}`);
  return mapping;
}
