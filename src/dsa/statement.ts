/**
 * The statement of reasons as the DSA Transparency Database's API (v2) takes it: one record per
 * restriction decision (Article 17 DSA), submitted under Article 24(5). The enumerations are the API's
 * own keys; `category_specification` lists only the keywords this workbook's mapping uses.
 */

export const DECISION_VISIBILITIES = [
  "DECISION_VISIBILITY_CONTENT_REMOVED",
  "DECISION_VISIBILITY_CONTENT_DISABLED",
  "DECISION_VISIBILITY_CONTENT_DEMOTED",
  "DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED",
  "DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED",
  "DECISION_VISIBILITY_CONTENT_LABELLED",
  "DECISION_VISIBILITY_OTHER"
] as const;
export const DECISION_MONETARIES = ["DECISION_MONETARY_SUSPENSION", "DECISION_MONETARY_TERMINATION", "DECISION_MONETARY_OTHER"] as const;
export const DECISION_PROVISIONS = [
  "DECISION_PROVISION_PARTIAL_SUSPENSION",
  "DECISION_PROVISION_TOTAL_SUSPENSION",
  "DECISION_PROVISION_PARTIAL_TERMINATION",
  "DECISION_PROVISION_TOTAL_TERMINATION"
] as const;
export const DECISION_ACCOUNTS = ["DECISION_ACCOUNT_SUSPENDED", "DECISION_ACCOUNT_TERMINATED"] as const;
export const ACCOUNT_TYPES = ["ACCOUNT_TYPE_BUSINESS", "ACCOUNT_TYPE_PRIVATE"] as const;
export const DECISION_GROUNDS = ["DECISION_GROUND_ILLEGAL_CONTENT", "DECISION_GROUND_INCOMPATIBLE_CONTENT"] as const;
export const YES_NO = ["Yes", "No"] as const;
export const CONTENT_TYPES = [
  "CONTENT_TYPE_APP",
  "CONTENT_TYPE_AUDIO",
  "CONTENT_TYPE_IMAGE",
  "CONTENT_TYPE_PRODUCT",
  "CONTENT_TYPE_SYNTHETIC_MEDIA",
  "CONTENT_TYPE_TEXT",
  "CONTENT_TYPE_VIDEO",
  "CONTENT_TYPE_OTHER"
] as const;
/** The 16 categories of the API (and of the harmonised templates' types of illegal content). */
export const DSA_CATEGORIES = [
  "STATEMENT_CATEGORY_ANIMAL_WELFARE",
  "STATEMENT_CATEGORY_CONSUMER_INFORMATION",
  "STATEMENT_CATEGORY_CYBER_VIOLENCE",
  "STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN",
  "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS",
  "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH",
  "STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS",
  "STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS",
  "STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE",
  "STATEMENT_CATEGORY_OTHER_VIOLATION_TC",
  "STATEMENT_CATEGORY_PROTECTION_OF_MINORS",
  "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY",
  "STATEMENT_CATEGORY_SCAMS_AND_FRAUD",
  "STATEMENT_CATEGORY_SELF_HARM",
  "STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS",
  "STATEMENT_CATEGORY_VIOLENCE"
] as const;
/** The keywords (category specifications) the mapping may use: a subset of the API's list. */
export const KEYWORDS = [
  "KEYWORD_ADULT_SEXUAL_MATERIAL",
  "KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL",
  "KEYWORD_COPYRIGHT_INFRINGEMENT",
  "KEYWORD_CYBER_HARASSMENT",
  "KEYWORD_DEFAMATION",
  "KEYWORD_GROOMING_SEXUAL_ENTICEMENT_MINORS",
  "KEYWORD_HATE_SPEECH",
  "KEYWORD_INAUTHENTIC_ACCOUNTS",
  "KEYWORD_MISINFORMATION_DISINFORMATION",
  "KEYWORD_NON_CONSENSUAL_IMAGE_SHARING",
  "KEYWORD_NUDITY",
  "KEYWORD_PHISHING",
  "KEYWORD_TERRORIST_CONTENT",
  "KEYWORD_OTHER"
] as const;
export const SOURCE_TYPES = ["SOURCE_ARTICLE_16", "SOURCE_TRUSTED_FLAGGER", "SOURCE_TYPE_OTHER_NOTIFICATION", "SOURCE_VOLUNTARY"] as const;
export const AUTOMATED_DECISIONS = ["AUTOMATED_DECISION_FULLY", "AUTOMATED_DECISION_PARTIALLY", "AUTOMATED_DECISION_NOT_AUTOMATED"] as const;
/** EU member states and the EEA's Iceland, Liechtenstein and Norway: the API's territorial scope codes. */
export const EEA_COUNTRY_CODES = [
  "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK"
] as const;

/** Length limits of the API's free-text fields, in characters. */
export const TEXT_LIMITS = {
  decision_visibility_other: 500,
  decision_monetary_other: 500,
  category_specification_other: 500,
  illegal_content_legal_ground: 500,
  illegal_content_explanation: 2000,
  incompatible_content_ground: 500,
  incompatible_content_explanation: 2000,
  content_type_other: 500,
  decision_facts: 5000,
  source_identity: 500,
  puid: 500
} as const;

/** A statement of reasons. Absent optional fields are null (the NDJSON keeps them as null, as the API's responses do). */
export interface StatementOfReasons {
  puid: string;
  decision_visibility: string[] | null;
  decision_visibility_other: string | null;
  end_date_visibility_restriction: string | null;
  decision_monetary: string | null;
  decision_monetary_other: string | null;
  end_date_monetary_restriction: string | null;
  decision_provision: string | null;
  end_date_service_restriction: string | null;
  decision_account: string | null;
  end_date_account_restriction: string | null;
  account_type: string | null;
  decision_ground: string;
  illegal_content_legal_ground: string | null;
  illegal_content_explanation: string | null;
  incompatible_content_ground: string | null;
  incompatible_content_explanation: string | null;
  incompatible_content_illegal: string | null;
  content_type: string[];
  content_type_other: string | null;
  category: string;
  category_specification: string[] | null;
  category_specification_other: string | null;
  territorial_scope: string[];
  content_language: string | null;
  content_date: string;
  application_date: string;
  decision_facts: string;
  source_type: string;
  source_identity: string | null;
  automated_detection: string;
  automated_decision: string;
}

/** The fields in the order the downloads use. */
export const STATEMENT_FIELDS: readonly (keyof StatementOfReasons)[] = [
  "puid",
  "decision_visibility",
  "decision_visibility_other",
  "end_date_visibility_restriction",
  "decision_monetary",
  "decision_monetary_other",
  "end_date_monetary_restriction",
  "decision_provision",
  "end_date_service_restriction",
  "decision_account",
  "end_date_account_restriction",
  "account_type",
  "decision_ground",
  "illegal_content_legal_ground",
  "illegal_content_explanation",
  "incompatible_content_ground",
  "incompatible_content_explanation",
  "incompatible_content_illegal",
  "content_type",
  "content_type_other",
  "category",
  "category_specification",
  "category_specification_other",
  "territorial_scope",
  "content_language",
  "content_date",
  "application_date",
  "decision_facts",
  "source_type",
  "source_identity",
  "automated_detection",
  "automated_decision"
];

const KEY_PREFIX = /^(STATEMENT_CATEGORY|DECISION_VISIBILITY|DECISION_ACCOUNT|DECISION_MONETARY|DECISION_PROVISION|DECISION_GROUND|AUTOMATED_DECISION|SOURCE_TYPE|SOURCE|KEYWORD|CONTENT_TYPE|ACCOUNT_TYPE)_/;

/** An API key without its family prefix, for tables: STATEMENT_CATEGORY_SCAMS_AND_FRAUD → SCAMS_AND_FRAUD. */
export function shortKey(key: string): string {
  return key.replace(KEY_PREFIX, "");
}

/** A statement as indented JSON with each list on one line, for reading. */
export function statementJson(statement: StatementOfReasons): string {
  return JSON.stringify(statement, null, 2).replace(/\[\s+([^\]]*?)\s+\]/g, (_, items: string) => `[${items.split(/,\s+/).join(", ")}]`);
}
