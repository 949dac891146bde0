import type {StatementOfReasons} from "./statement.js";

/** Each field of a statement of reasons: when the API requires it, and how the workbook fills it. */
export interface FieldDoc {
  field: keyof StatementOfReasons;
  required: string;
  filled: string;
}

export const FIELD_DOCS: readonly FieldDoc[] = [
  {field: "puid", required: "always; unique per platform, letters, digits, - and _ only, at most 500 characters", filled: "sor- and the flag's id"},
  {field: "decision_visibility", required: "one of the four decision fields at least", filled: "removal: content removed; downrank: content demoted; warning: other restriction (a strike)"},
  {field: "decision_visibility_other", required: "when decision_visibility includes OTHER", filled: "the mapping's text for warnings"},
  {field: "end_date_visibility_restriction", required: "optional; on or after application_date", filled: "empty: visibility restrictions do not end"},
  {field: "decision_monetary", required: "one of the four decision fields at least", filled: "empty: the platform pays no one"},
  {field: "decision_monetary_other", required: "when decision_monetary is OTHER", filled: "empty"},
  {field: "end_date_monetary_restriction", required: "optional", filled: "empty"},
  {field: "decision_provision", required: "one of the four decision fields at least", filled: "empty: service restrictions are account suspensions here"},
  {field: "end_date_service_restriction", required: "optional", filled: "empty"},
  {field: "decision_account", required: "one of the four decision fields at least", filled: "suspension: account suspended, or terminated when permanent"},
  {field: "end_date_account_restriction", required: "optional; on or after application_date", filled: "the day a temporary suspension ends (dsa_flags.suspension_end_date)"},
  {field: "account_type", required: "optional", filled: "business or private, from dsa_flags.account_type"},
  {field: "decision_ground", required: "always", filled: "illegal content when a reviewer judged the content illegal, else incompatible with the terms"},
  {field: "illegal_content_legal_ground", required: "for illegal content; at most 500 characters", filled: "the law the notice cites (or the child-safety law for child sexual abuse material)"},
  {field: "illegal_content_explanation", required: "for illegal content; at most 2,000 characters", filled: "the mapping's explanation for that law"},
  {field: "incompatible_content_ground", required: "for incompatible content; at most 500 characters", filled: "the Community Guidelines section of the category"},
  {field: "incompatible_content_explanation", required: "for incompatible content; at most 2,000 characters", filled: "the mapping's explanation for the category"},
  {field: "incompatible_content_illegal", required: "optional, Yes or No", filled: "empty: terms decisions do not assess legality"},
  {field: "content_type", required: "always, a non-empty list", filled: "text, image or video, from dsa_flags.content_type"},
  {field: "content_type_other", required: "when content_type includes OTHER", filled: "empty"},
  {field: "category", required: "always, one of 16", filled: "the category of the cited law for illegal content, else of the policy category"},
  {field: "category_specification", required: "optional, keywords", filled: "the mapping's keywords"},
  {field: "category_specification_other", required: "when the keywords include OTHER", filled: "the mapping's text"},
  {field: "territorial_scope", required: "always, EEA country codes", filled: "the member state whose law applies for illegal content; every EEA state for a removal under the terms"},
  {field: "content_language", required: "optional, ISO 639-1", filled: "dsa_flags.content_language"},
  {field: "content_date", required: "always, YYYY-MM-DD from 2000-01-01, not after application_date", filled: "the day the content was flagged"},
  {field: "application_date", required: "always, YYYY-MM-DD from 2020-01-01", filled: "the day of the decision (flags.decided_ts)"},
  {field: "decision_facts", required: "always, at most 5,000 characters", filled: "how the flag arrived, how it was decided and what was done, without personal data"},
  {field: "source_type", required: "always", filled: "Article 16 notice, trusted flagger, other notification or own initiative, from dsa_flags.notice_type"},
  {field: "source_identity", required: "optional; never for own-initiative decisions", filled: "empty: notifiers are private persons"},
  {field: "automated_detection", required: "always, Yes or No", filled: "Yes for classifier flags"},
  {field: "automated_decision", required: "always: fully, partially or not automated", filled: "fully for automatic routes, not automated for human review"}
];
