import {describe, expect, it} from "vitest";
import {STATEMENT_FIELDS, type StatementOfReasons} from "../../../src/dsa/statement.js";
import {formatStatementViolations, validateStatements, type StatementViolation} from "../../../src/dsa/validateStatements.js";

type Row = Record<string, unknown>;

/** An incompatible-content removal of a harassing post, flagged by a trusted flagger. */
const REMOVAL: StatementOfReasons = {
  puid: "sor-2025-000123",
  decision_visibility: ["DECISION_VISIBILITY_CONTENT_REMOVED"],
  decision_visibility_other: null,
  end_date_visibility_restriction: null,
  decision_monetary: null,
  decision_monetary_other: null,
  end_date_monetary_restriction: null,
  decision_provision: null,
  end_date_service_restriction: null,
  decision_account: null,
  end_date_account_restriction: null,
  account_type: "ACCOUNT_TYPE_PRIVATE",
  decision_ground: "DECISION_GROUND_INCOMPATIBLE_CONTENT",
  illegal_content_legal_ground: null,
  illegal_content_explanation: null,
  incompatible_content_ground: "Community guidelines, section 4.2 (harassment)",
  incompatible_content_explanation: "The post targets a named user with repeated insults and a call to pile on.",
  incompatible_content_illegal: "No",
  content_type: ["CONTENT_TYPE_TEXT"],
  content_type_other: null,
  category: "STATEMENT_CATEGORY_CYBER_VIOLENCE",
  category_specification: ["KEYWORD_CYBER_HARASSMENT"],
  category_specification_other: null,
  territorial_scope: ["AT", "DE"],
  content_language: "DE",
  content_date: "2025-03-01",
  application_date: "2025-03-04",
  decision_facts: "A trusted flagger reported the post; a moderator reviewed it against section 4.2 and removed it.",
  source_type: "SOURCE_TRUSTED_FLAGGER",
  source_identity: "Example Trusted Flagger e.V.",
  automated_detection: "No",
  automated_decision: "AUTOMATED_DECISION_NOT_AUTOMATED"
};

/** An illegal-content account suspension for 30 days after an Article 16 notice. */
const SUSPENSION: StatementOfReasons = {
  ...REMOVAL,
  puid: "sor-2025-000124",
  decision_visibility: null,
  decision_account: "DECISION_ACCOUNT_SUSPENDED",
  end_date_account_restriction: "2025-04-03",
  account_type: "ACCOUNT_TYPE_BUSINESS",
  decision_ground: "DECISION_GROUND_ILLEGAL_CONTENT",
  illegal_content_legal_ground: "Section 130 StGB (incitement to hatred)",
  illegal_content_explanation: "The account posted content inciting hatred against a group defined by religion.",
  incompatible_content_ground: null,
  incompatible_content_explanation: null,
  incompatible_content_illegal: null,
  content_type: ["CONTENT_TYPE_TEXT", "CONTENT_TYPE_IMAGE"],
  category: "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH",
  category_specification: ["KEYWORD_HATE_SPEECH"],
  territorial_scope: ["DE"],
  content_language: "EN",
  decision_facts: "A user's notice under Article 16 led to a review; the account was suspended for 30 days.",
  source_type: "SOURCE_ARTICLE_16",
  source_identity: null,
  automated_detection: "Yes",
  automated_decision: "AUTOMATED_DECISION_PARTIALLY"
};

const broken = (base: StatementOfReasons, changes: Row): Row => ({...base, ...changes});
const without = (base: StatementOfReasons, field: keyof StatementOfReasons): Row => {
  const row: Row = {...base};
  delete row[field];
  return row;
};

/** Each record breaks exactly one rule of a valid fixture: [description, broken record, field, rule]. */
const CASES: [string, Row, string, string][] = [
  ["missing all four decisions", broken(REMOVAL, {decision_visibility: null}), "decision_visibility", "required_without_all"],
  ["bad visibility value", broken(REMOVAL, {decision_visibility: ["DECISION_VISIBILITY_HIDDEN"]}), "decision_visibility", "in"],
  ["empty visibility array", broken(REMOVAL, {decision_visibility: []}), "decision_visibility", "min"],
  ["visibility listed twice", broken(REMOVAL, {decision_visibility: ["DECISION_VISIBILITY_CONTENT_REMOVED", "DECISION_VISIBILITY_CONTENT_REMOVED"]}), "decision_visibility", "distinct"],
  ["visibility OTHER without its text", broken(REMOVAL, {decision_visibility: ["DECISION_VISIBILITY_OTHER"]}), "decision_visibility_other", "required_if"],
  ["visibility text without OTHER", broken(REMOVAL, {decision_visibility_other: "hidden from search"}), "decision_visibility_other", "exclude_unless"],
  ["visibility text over 500 characters", broken(REMOVAL, {decision_visibility: ["DECISION_VISIBILITY_OTHER"], decision_visibility_other: "v".repeat(501)}), "decision_visibility_other", "max"],
  ["monetary OTHER without its text", broken(REMOVAL, {decision_monetary: "DECISION_MONETARY_OTHER"}), "decision_monetary_other", "required_if"],
  ["bad monetary decision", broken(REMOVAL, {decision_monetary: "DECISION_MONETARY_FINE"}), "decision_monetary", "in"],
  ["bad provision decision", broken(REMOVAL, {decision_provision: "DECISION_PROVISION_SOME"}), "decision_provision", "in"],
  ["bad account decision", broken(SUSPENSION, {decision_account: "DECISION_ACCOUNT_BANNED"}), "decision_account", "in"],
  ["bad account type", broken(REMOVAL, {account_type: "ACCOUNT_TYPE_BOT"}), "account_type", "in"],
  ["bad decision ground", broken(REMOVAL, {decision_ground: "DECISION_GROUND_SPAM"}), "decision_ground", "in"],
  ["missing decision ground", without(REMOVAL, "decision_ground"), "decision_ground", "required"],
  ["illegal ground without legal ground", broken(SUSPENSION, {illegal_content_legal_ground: null}), "illegal_content_legal_ground", "required_if"],
  ["illegal ground with a blank explanation", broken(SUSPENSION, {illegal_content_explanation: "  "}), "illegal_content_explanation", "required_if"],
  ["illegal ground with an incompatible ground", broken(SUSPENSION, {incompatible_content_ground: "Terms, section 3"}), "incompatible_content_ground", "exclude_unless"],
  ["illegal ground with incompatible_content_illegal", broken(SUSPENSION, {incompatible_content_illegal: "Yes"}), "incompatible_content_illegal", "exclude_unless"],
  ["incompatible ground without explanation", broken(REMOVAL, {incompatible_content_explanation: null}), "incompatible_content_explanation", "required_if"],
  ["incompatible ground with an illegal explanation", broken(REMOVAL, {illegal_content_explanation: "illegal too"}), "illegal_content_explanation", "exclude_unless"],
  ["incompatible_content_illegal neither Yes nor No", broken(REMOVAL, {incompatible_content_illegal: "Maybe"}), "incompatible_content_illegal", "in"],
  ["legal ground over 500 characters", broken(SUSPENSION, {illegal_content_legal_ground: "g".repeat(501)}), "illegal_content_legal_ground", "max"],
  ["explanation over 2000 characters", broken(SUSPENSION, {illegal_content_explanation: "e".repeat(2001)}), "illegal_content_explanation", "max"],
  ["decision facts over 5000 characters", broken(REMOVAL, {decision_facts: "f".repeat(5001)}), "decision_facts", "max"],
  ["empty decision facts", broken(REMOVAL, {decision_facts: ""}), "decision_facts", "required"],
  ["decision facts key missing", without(REMOVAL, "decision_facts"), "decision_facts", "required"],
  ["decision facts a number", broken(REMOVAL, {decision_facts: 42}), "decision_facts", "type"],
  ["content type not an array", broken(REMOVAL, {content_type: "CONTENT_TYPE_TEXT"}), "content_type", "type"],
  ["empty content type", broken(REMOVAL, {content_type: []}), "content_type", "required"],
  ["bad content type", broken(REMOVAL, {content_type: ["CONTENT_TYPE_MEME"]}), "content_type", "in"],
  ["content type not a string", broken(REMOVAL, {content_type: [7]}), "content_type", "type"],
  ["content type OTHER without its text", broken(REMOVAL, {content_type: ["CONTENT_TYPE_OTHER"]}), "content_type_other", "required_if"],
  ["content type text without OTHER", broken(REMOVAL, {content_type_other: "a livestream"}), "content_type_other", "exclude_unless"],
  ["bad category", broken(REMOVAL, {category: "STATEMENT_CATEGORY_RUDENESS"}), "category", "in"],
  ["bad keyword", broken(REMOVAL, {category_specification: ["KEYWORD_RUDENESS"]}), "category_specification", "in"],
  ["keyword OTHER without its text", broken(REMOVAL, {category_specification: ["KEYWORD_OTHER"]}), "category_specification_other", "required_if"],
  ["keyword text without OTHER", broken(REMOVAL, {category_specification_other: "doxxing"}), "category_specification_other", "exclude_unless"],
  ["empty territorial scope", broken(REMOVAL, {territorial_scope: []}), "territorial_scope", "required"],
  ["territorial scope outside the EEA (US)", broken(REMOVAL, {territorial_scope: ["DE", "US"]}), "territorial_scope", "in"],
  ["territorial scope outside the EEA (GB)", broken(REMOVAL, {territorial_scope: ["GB"]}), "territorial_scope", "in"],
  ["country listed twice", broken(REMOVAL, {territorial_scope: ["DE", "AT", "DE"]}), "territorial_scope", "distinct"],
  ["unknown language XX", broken(REMOVAL, {content_language: "XX"}), "content_language", "in"],
  ["language in lower case", broken(REMOVAL, {content_language: "de"}), "content_language", "in"],
  ["content date 2025-02-30", broken(REMOVAL, {content_date: "2025-02-30"}), "content_date", "date_format"],
  ["content date in another format", broken(REMOVAL, {content_date: "01/03/2025"}), "content_date", "date_format"],
  ["content date before 2000", broken(REMOVAL, {content_date: "1999-12-31"}), "content_date", "after_or_equal"],
  ["application date before 2020", broken(REMOVAL, {content_date: "2019-06-01", application_date: "2019-12-31"}), "application_date", "after_or_equal"],
  ["application date after 2038-01-01", broken(REMOVAL, {application_date: "2038-01-02"}), "application_date", "before_or_equal"],
  ["content date after application date", broken(REMOVAL, {content_date: "2025-03-05"}), "content_date", "date_order"],
  ["end date before application date", broken(SUSPENSION, {end_date_account_restriction: "2025-03-01"}), "end_date_account_restriction", "after_or_equal"],
  ["end date after 2038-01-01", broken(SUSPENSION, {end_date_account_restriction: "2038-01-02"}), "end_date_account_restriction", "before_or_equal"],
  ["end date not a calendar day", broken(SUSPENSION, {end_date_account_restriction: "2025-04-31"}), "end_date_account_restriction", "date_format"],
  ["end date without its decision", broken(REMOVAL, {end_date_account_restriction: "2025-06-01"}), "end_date_account_restriction", "exclude_unless"],
  ["bad source type", broken(REMOVAL, {source_type: "SOURCE_RUMOUR"}), "source_type", "in"],
  ["source identity with a voluntary source", broken(REMOVAL, {source_type: "SOURCE_VOLUNTARY"}), "source_identity", "exclude_if"],
  ["automated detection maybe", broken(REMOVAL, {automated_detection: "maybe"}), "automated_detection", "in"],
  ["automated detection a boolean", broken(REMOVAL, {automated_detection: true}), "automated_detection", "type"],
  ["bad automated decision", broken(REMOVAL, {automated_decision: "AUTOMATED_DECISION_SOMEWHAT"}), "automated_decision", "in"],
  ["puid with a space", broken(REMOVAL, {puid: "sor 2025 000123"}), "puid", "regex"],
  ["puid over 500 characters", broken(REMOVAL, {puid: "p".repeat(501)}), "puid", "max"],
  ["puid missing", broken(REMOVAL, {puid: null}), "puid", "required"],
  ["unknown field", broken(REMOVAL, {reviewer_note: "checked twice"}), "reviewer_note", "unknown_field"]
];

const brief = (violations: StatementViolation[]) => violations.map((v) => `${v.field} ${v.rule}`);

describe("validateStatements", () => {
  it("validateStatements(valid fixtures) finds no violation", () => {
    expect(validateStatements([REMOVAL, SUSPENSION] as unknown as Row[])).toEqual([]);
  });

  it("validateStatements(record without its null keys) counts missing keys as null", () => {
    const sparse = Object.fromEntries(Object.entries(SUSPENSION).filter(([, v]) => v !== null));
    expect(Object.keys(sparse).length).toBeLessThan(STATEMENT_FIELDS.length);
    expect(validateStatements([sparse])).toEqual([]);
  });

  it.each(CASES)("validateStatements(%s) reports exactly that one violation", (_description, record, field, rule) => {
    const violations = validateStatements([record]);
    expect(brief(violations)).toEqual([`${field} ${rule}`]);
    expect(violations[0]).toMatchObject({record: 0, field, rule});
    expect(violations[0].message).toMatch(/^[a-z]/);
    expect(violations[0].message).toContain(field === "decision_visibility" && rule === "required_without_all" ? "at least one of" : field);
  });

  it("validateStatements(records sharing a puid) reports every repeat and names the first record", () => {
    const violations = validateStatements([REMOVAL, SUSPENSION, {...SUSPENSION, puid: REMOVAL.puid}, {...REMOVAL}] as unknown as Row[]);
    expect(violations.map((v) => [v.record, v.field, v.rule])).toEqual([
      [2, "puid", "unique"],
      [3, "puid", "unique"]
    ]);
    expect(violations[0].message).toBe("puid sor-2025-000123 is already used by record 0");
    expect(violations[1].puid).toBe(REMOVAL.puid);
  });

  it("validateStatements(record with several faults) reports all of them in field order", () => {
    const record = broken(REMOVAL, {
      reviewer: "x",
      automated_decision: null,
      puid: "bad puid",
      decision_ground: "DECISION_GROUND_SPAM",
      content_language: "QQ",
      territorial_scope: ["US", "CH"],
      content_date: "2025-13-01",
      source_type: "SOURCE_VOLUNTARY"
    });
    const violations = validateStatements([SUSPENSION as unknown as Row, record]);
    expect(violations).toHaveLength(9);
    expect(violations.every((v) => v.record === 1)).toBe(true);
    expect(brief(violations)).toEqual([
      "puid regex",
      "decision_ground in",
      "territorial_scope in",
      "territorial_scope in",
      "content_language in",
      "content_date date_format",
      "source_identity exclude_if",
      "automated_decision required",
      "reviewer unknown_field"
    ]);
    expect(violations[5].message).toBe("content_date 2025-13-01 is not a calendar day (YYYY-MM-DD)");
  });

  it("validateStatements(content_language) accepts ISO 639-1 codes in upper case only", () => {
    for (const code of ["EN", "DE", "TH", "FR", "GA", "MT"]) expect(validateStatements([broken(REMOVAL, {content_language: code})])).toEqual([]);
    for (const code of ["XX", "QQ", "en", "ENG", "E1"]) expect(brief(validateStatements([broken(REMOVAL, {content_language: code})]))).toEqual(["content_language in"]);
  });

  it("validateStatements(hostile values) renders them inert and short", () => {
    const hostile = `=HYPERLINK("x")<script>${"a".repeat(100)}`;
    const [violation] = validateStatements([broken(REMOVAL, {category: hostile})]);
    expect(violation).toMatchObject({field: "category", rule: "in"});
    expect(violation.value.startsWith("'=HYPERLINK")).toBe(true);
    expect(violation.value).toContain("‹script›");
    expect(violation.value).not.toMatch(/[<>]/);
    expect(Array.from(violation.value).length).toBeLessThanOrEqual(61);
    expect(violation.value.endsWith("…")).toBe(true);
    expect(violation.message).not.toMatch(/[<>]/);
    const [control] = validateStatements([broken(REMOVAL, {content_language: "\u0007E\n\u202e"})]);
    expect(control.value).toBe("\uFFFDE\uFFFD\uFFFD");
    const [markup] = validateStatements([broken(REMOVAL, {"<img src=x onerror=alert(1)>": 1})]);
    expect(markup.field).toBe("‹img src=x onerror=alert(1)›");
  });

  it("validateStatements(non-string puid) keeps puid null and shows arrays as JSON", () => {
    const [violation] = validateStatements([broken(REMOVAL, {puid: 12})]);
    expect(violation).toMatchObject({field: "puid", rule: "type", puid: null, value: "12"});
    const [array] = validateStatements([broken(REMOVAL, {decision_visibility: []})]);
    expect(array.value).toBe("[]");
  });
});

describe("formatStatementViolations", () => {
  const records = [broken(REMOVAL, {category: "X", source_type: "Y"}), broken(SUSPENSION, {territorial_scope: ["US", "GB", "CH"]})];
  const violations = validateStatements(records);

  it("formatStatementViolations([]) is empty", () => {
    expect(formatStatementViolations([])).toBe("");
  });

  it("formatStatementViolations(violations) writes a count line and one line per violation", () => {
    const lines = formatStatementViolations(violations).split("\n");
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe("5 statement-of-reasons violations in 2 records");
    expect(lines[1]).toBe(`record 0 (puid sor-2025-000123): category — in: ${violations[0].message}`);
    expect(lines[5]).toMatch(/^record 1 \(puid sor-2025-000124\): territorial_scope — in: territorial_scope holds CH/);
  });

  it("formatStatementViolations(violations, limit) stops at the limit and counts the rest", () => {
    const lines = formatStatementViolations(violations, 2).split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe("… and 3 more");
    expect(formatStatementViolations(violations.slice(0, 1))).toMatch(/^1 statement-of-reasons violation in 1 record\n/);
  });
});
