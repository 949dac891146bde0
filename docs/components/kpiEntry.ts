import {basisText, describeFormula, kpiTables} from "../lib/metrics/describeKpi.js";
import type {KpiFigure} from "../lib/metrics/kpiFigure.js";
import type {KpiDefinition} from "../lib/metrics/definitions.js";
import {formatKpi} from "../lib/core/format.js";

export interface KpiValue {
  id: string;
  value: number | null;
  /** The value over the whole calendar with its counts and interval (src/metrics/kpiFigure.ts). */
  figure: KpiFigure;
  quarters: {label: string; value: number | null}[];
  regions: {region: string; value: number | null}[];
  meets: boolean | null;
}

/** One KPI dictionary entry: the definition rendered from its data, with this build's computed values. Text only, no HTML from data. */
export function kpiEntry(def: KpiDefinition, computed: KpiValue | undefined, {open = false} = {}): HTMLElement {
  const card = document.createElement("details");
  card.className = "card kpi-entry";
  card.open = open;
  card.id = `kpi-${def.id}`;
  if (computed) Object.assign(card.dataset, {kpi: def.id, from: computed.figure.from, to: computed.figure.to, place: computed.figure.place, value: String(computed.figure.value ?? "")});
  const el = (tag: string, text: string, className?: string) => {
    const e = document.createElement(tag);
    e.textContent = text;
    if (className) e.className = className;
    return e;
  };
  const summary = document.createElement("summary");
  const h = el("h3", def.name);
  const meta = el("div", `${def.id} · version ${def.version} · from seed ${def.origin} · ${def.indicator} indicator · ${def.frequency}${def.aliases?.length ? ` · also: ${def.aliases.join(", ")}` : ""}`, "muted small");
  const value = el("div", "", "kpi-entry-value");
  const big = el("span", formatKpi(computed?.value, def.unit), "big");
  value.append(big);
  if (computed && def.unit !== "count") value.append(el("span", ` ${basisText(computed.figure)}`, "muted small"));
  if (computed?.meets !== null && computed?.meets !== undefined) {
    const status = el("span", computed.meets ? " meets target" : " misses target");
    status.style.color = computed.meets ? "var(--theme-green)" : "var(--theme-red)";
    value.append(status);
  }
  const {numerator, denominator} = describeFormula(def.formula);
  const dl = document.createElement("dl");
  const row = (term: string, text: string) => dl.append(el("dt", term), el("dd", text));
  row("Measures", `${def.measures} ${def.why}`);
  row("Numerator", numerator);
  row("Denominator", denominator);
  row("Inclusion rules", def.inclusion);
  row("Time window", def.window);
  row("Target / benchmark", def.target.text);
  row("Tables", kpiTables(def).join(", "));
  if (computed) {
    row("By quarter", computed.quarters.map((q) => `${q.label}: ${formatKpi(q.value, def.unit)}`).join(" · "));
    row("By region", computed.regions.map((r) => `${r.region}: ${formatKpi(r.value, def.unit)}`).join(" · "));
  }
  row("Change log", def.changelog.map((c) => `${c.version} (${c.date}): ${c.change}`).join(" "));
  summary.append(h, value);
  card.append(summary, meta, dl);
  return card;
}
