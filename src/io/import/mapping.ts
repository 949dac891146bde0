import {mappableColumns} from "./contract.js";
import type {Finding} from "./findings.js";
import {inert} from "./inert.js";
import type {Mapping} from "./values.js";

/**
 * The mapping file (mapping.json beside the tables): the platform's names for the contract's closed
 * vocabularies, per column name, applied in every table that has the column:
 *
 *     {"category": {"Hate speech": "harassment_hate", "Scam": "spam"}, "severity": {"P0": "critical"}}
 *
 * Only columns with accepted values (category, source, severity, route, action, country, status, ...)
 * can be mapped, and only to an accepted value: anything else makes the whole file invalid, since a
 * half-applied mapping would silently change what the rows mean.
 */

const finding = (value: string, detail: string): Finding => ({table: "mapping", row: null, column: "*", rule: "invalid mapping", value: inert(value), detail, severity: "error"});

/** The mapping, or the findings that make it invalid (every one of them). */
export function checkMapping(input: unknown): {mapping: Mapping; findings: Finding[]} {
  if (input === null || typeof input !== "object" || Array.isArray(input)) return {mapping: {}, findings: [finding(String(JSON.stringify(input)), "an object {column: {platform value: contract value}}")]};
  const columns = mappableColumns();
  const findings: Finding[] = [];
  for (const [column, pairs] of Object.entries(input as Record<string, unknown>)) {
    const accepted = columns.get(column);
    if (!accepted) {
      findings.push(finding(column, `a column with accepted values: ${[...columns.keys()].join(", ")}`));
      continue;
    }
    if (pairs === null || typeof pairs !== "object" || Array.isArray(pairs)) {
      findings.push(finding(column, "an object {platform value: contract value}"));
      continue;
    }
    for (const [from, to] of Object.entries(pairs as Record<string, unknown>)) {
      if (typeof to !== "string" || !accepted.includes(to)) findings.push(finding(`${column}: ${from} -> ${String(to)}`, `a value of ${column}: ${accepted.join(", ")}`));
    }
  }
  return findings.length ? {mapping: {}, findings} : {mapping: input as Mapping, findings};
}

/** The mapping of a mapping file's text: invalid JSON is one finding. */
export function parseMapping(text: string): {mapping: Mapping; findings: Finding[]} {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return {mapping: {}, findings: [finding(text, `valid JSON (${(error as Error).message})`)]};
  }
  return checkMapping(input);
}
