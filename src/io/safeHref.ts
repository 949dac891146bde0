/**
 * The one gate for links built from data: a URL string from a data file becomes an href only if the
 * browser would open it over http(s). Relative links ("./incident.html", "../data-dictionary#x",
 * "#top", "?q=1") resolve against the page, so they are http(s) too. Anything else (javascript:,
 * data:, vbscript:, file:, blob:, mailto:, ...) is refused, however it is cased or padded.
 *
 * The decision is the WHATWG URL parser's, the one the browser uses when it follows the link, so tricks
 * that parser forgives (leading spaces and control characters, tabs or newlines inside the scheme,
 * mixed case) cannot slip a scheme past a hand-written pattern.
 */
const BASE = "https://workbook.invalid/page/";

/** The href to use for `value`, or null when it must not become a link. */
export function safeHref(value: unknown): string | null {
  if (typeof value !== "string") return null;
  // The URL parser strips leading and trailing C0 controls and spaces and drops tabs and newlines
  // anywhere; the href we return is what it would have seen.
  const href = value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "").replace(/[\t\n\r]/g, "");
  if (href === "") return null;
  let url: URL;
  try {
    url = new URL(href, BASE);
  } catch {
    return null;
  }
  return url.protocol === "http:" || url.protocol === "https:" ? href : null;
}
