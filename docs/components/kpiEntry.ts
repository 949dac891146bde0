import {html} from "htl";
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
  const data = computed ? {kpi: def.id, from: computed.figure.from, to: computed.figure.to, place: computed.figure.place, value: String(computed.figure.value ?? "")} : null;
  const meta = `${def.id} · version ${def.version} · from seed ${def.origin} · ${def.indicator} indicator · ${def.frequency}${def.aliases?.length ? ` · also: ${def.aliases.join(", ")}` : ""}`;
  const basis = computed && def.unit !== "count" ? html`<span class="muted small">${` ${basisText(computed.figure)}`}</span>` : null;
  const meets = computed?.meets;
  const status = meets === true || meets === false ? html`<span style=${{color: meets ? "var(--theme-green)" : "var(--theme-red)"}}>${meets ? " meets target" : " misses target"}</span>` : null;
  const {numerator, denominator} = describeFormula(def.formula);
  const rows: [string, string][] = [
    ["Measures", `${def.measures} ${def.why}`],
    ["Numerator", numerator],
    ["Denominator", denominator],
    ["Inclusion rules", def.inclusion],
    ["Time window", def.window],
    ["Target / benchmark", def.target.text],
    ["Tables", kpiTables(def).join(", ")],
    ...(computed ? [
      ["By quarter", computed.quarters.map((q) => `${q.label}: ${formatKpi(q.value, def.unit)}`).join(" · ")],
      ["By region", computed.regions.map((r) => `${r.region}: ${formatKpi(r.value, def.unit)}`).join(" · ")]
    ] as [string, string][] : []),
    ["Change log", def.changelog.map((c) => `${c.version} (${c.date}): ${c.change}`).join(" ")]
  ];
  return html`<details class="card kpi-entry" open=${open} id=${`kpi-${def.id}`} data-kpi=${data?.kpi} data-from=${data?.from} data-to=${data?.to} data-place=${data?.place} data-value=${data?.value}><summary><h3>${def.name}</h3><div class="kpi-entry-value"><span class="big">${formatKpi(computed?.value, def.unit)}</span>${basis}${status}</div></summary><div class="muted small">${meta}</div><dl>${rows.flatMap(([term, text]) => [html`<dt>${term}</dt>`, html`<dd>${text}</dd>`])}</dl></details>`;
}
