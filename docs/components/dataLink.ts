import {safeHref} from "../lib/io/safeHref.js";

/**
 * A link whose address comes from data: an <a> when the address is http(s) or relative
 * (src/io/safeHref.ts), else the text alone. Text is always set as text, never parsed as markup.
 * `label` names the link for a screen reader where its text alone does not (the same words on each row).
 */
export function dataLink(text: string, href: unknown, {suffix = "", label}: {suffix?: string; label?: string} = {}): HTMLAnchorElement | Text {
  const safe = typeof href === "string" && href !== "" ? safeHref(`${href}${suffix}`) : null;
  if (safe === null) return document.createTextNode(text);
  const a = document.createElement("a");
  a.href = safe;
  a.textContent = text;
  if (label) a.setAttribute("aria-label", label);
  return a;
}
