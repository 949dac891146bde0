import {formatCount, formatPercent} from "../lib/core/format.js";

/**
 * Item-level tables keep a deterministic sample when the world is large (flags and sessions above scale
 * 4, the score sample above 100,000 flags, the explorer's texts above 40,000 flags, the moderator page's
 * sessions above about 15,000). A page whose charts count such rows says so at its top: what
 * share it sees, and which of its figures are whole.
 * `exact` says which figures on the page read aggregates of every flag instead (cards from the flag cubes).
 */
export function sampleNote(rate: number, {what = "flags", exact = "Figures read from daily_country cover every flag."}: {what?: string; exact?: string} = {}): HTMLElement | Text {
  if (!(rate < 1)) return document.createTextNode("");
  const p = document.createElement("p");
  p.className = "note sample-note";
  p.textContent = `The item-level ${what} behind this page's charts and tables are a fixed ${formatPercent(rate, 1)} sample (about 1 in ${formatCount(1 / rate)}), so that the page's data stays the same size at any scale. Where they count ${what}, multiply by about ${formatCount(1 / rate)} for the whole; their shares and percentiles are estimates from the sample. ${exact}`;
  return p;
}
