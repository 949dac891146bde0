/**
 * An offending value as a report shows it: shortened and inert. It is written as a JSON string literal
 * (so it starts with a double quote, never with a spreadsheet's formula trigger = + - @), with control
 * characters, line and paragraph separators, bidirectional overrides and < > & escaped as \uXXXX (so it
 * holds no markup and cannot reorder or break the report's lines). A value longer than `max` characters
 * keeps its first `max` and says how many it had.
 */

export const INERT_MAX_CHARS = 40;

// C0 and C1 controls, zero-width and bidi marks, line/paragraph separators, bidi embeddings and isolates, BOM, and markup.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff<>&]/g;

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

export function inert(value: string | null | undefined, max = INERT_MAX_CHARS): string {
  if (value === null || value === undefined) return "";
  // Code points, not UTF-16 units, so a cut never splits a surrogate pair.
  const chars = Array.from(value);
  const kept = chars.length > max ? chars.slice(0, max).join("") : value;
  const literal = JSON.stringify(kept).replace(UNSAFE, escape);
  return chars.length > max ? `${literal}… (${chars.length} characters)` : literal;
}
