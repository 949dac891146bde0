/**
 * Guards an LLM rewrite of a generated report: the rewrite may reword, but every number in it must
 * already be in the report, every section title must still be there, and it must be plain text of a
 * sane length. Anything else is rejected and the generated report stands.
 */
export interface RewriteCheck {
  ok: boolean;
  /** Why it was rejected (empty when ok). */
  problems: string[];
}

/** The numbers in a text, normalised: "1,028" → "1028", "08" → "8", "18.90" → "18.9". */
export function numbersIn(text: string): string[] {
  return (text.match(/\d+(?:,\d{3})*(?:\.\d+)?/g) ?? []).map((t) => String(Number(t.replace(/,/g, ""))));
}

export function checkRewrite(rewrite: string, source: string, {titles = [] as readonly string[], maxLength = 8000} = {}): RewriteCheck {
  const problems: string[] = [];
  const text = rewrite.trim();
  if (text.length === 0) problems.push("empty rewrite");
  if (text.length > maxLength) problems.push(`rewrite too long: ${text.length} characters (at most ${maxLength})`);
  if (/<[a-z!/][^>]*>/i.test(text)) problems.push("rewrite contains markup");
  const known = new Set(numbersIn(source));
  const unknown = [...new Set(numbersIn(text).filter((n) => !known.has(n)))];
  if (unknown.length > 0) problems.push(`numbers not in the report: ${unknown.slice(0, 10).join(", ")}`);
  const lower = text.toLowerCase();
  const missing = titles.filter((t) => !lower.includes(t.toLowerCase()));
  if (missing.length > 0) problems.push(`missing sections: ${missing.join(", ")}`);
  return {ok: problems.length === 0, problems};
}
