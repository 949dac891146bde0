import {formatCount, formatPercent} from "../lib/core/format.js";

/**
 * Above scale 4 the item-level tables (flags, sessions) keep a deterministic sample. A page whose charts
 * count those rows says so at its top: what share it sees, and that daily_country's figures are whole.
 * `exact` says which figures on the page read aggregates of every flag instead (cards from the flag cubes).
 */
export function sampleNote(rate: number, {what = "flags", exact = "Figures read from daily_country cover every flag."}: {what?: string; exact?: string} = {}): HTMLElement | Text {
  if (!(rate < 1)) return document.createTextNode("");
  const p = document.createElement("p");
  p.className = "note sample-note";
  p.textContent = `This world is larger than scale 4, so the item-level tables keep a fixed ${formatPercent(rate, 1)} sample of ${what} (about 1 in ${formatCount(1 / rate)}). Charts and tables that count ${what} on this page count that sample (multiply by about ${formatCount(1 / rate)} for the whole), and their shares and percentiles are estimates from it. ${exact}`;
  return p;
}
