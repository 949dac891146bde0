import {html} from "htl";
import {formatChange, formatKpi, formatNumber, formatPp, NONE} from "../lib/core/format.js";
import {kpiDefinition} from "../lib/metrics/definitions.js";
import {dataLink} from "./dataLink.js";
import {basisText, definitionText} from "../lib/metrics/describeKpi.js";
import {compareKpi, isSmall, type KpiFigure} from "../lib/metrics/kpiFigure.js";

export interface KpiCardOptions {
  /** The same KPI over the comparison period (src/metrics/kpiFigure.ts), for the change line. */
  previous?: KpiFigure | null;
  /** One line under the value, e.g. the target or the period. */
  note?: string;
  /** The case view's address for the flags this count is made of (src/explore/cases.ts), for drill-through. */
  cases?: string;
}

/** Numbers the cards' tooltips so that each card names its own. */
let tips = 0;

/**
 * A card for one dictionary KPI (src/metrics/definitions.ts), computed by measureKpi: its name links
 * to its dictionary entry, its value shows what it rests on (counts, interval, small samples), the
 * change against `previous` is in the KPI's terms (pp for shares, relative for counts), and hovering
 * or focusing the card shows the definition and the window. data-kpi, data-from, data-to, data-place
 * and data-value (unrounded) let tests compare the same KPI across pages.
 */
export function kpiCard(figure: KpiFigure, {previous, note, cases}: KpiCardOptions = {}): HTMLElement {
  const def = kpiDefinition(figure.id);
  // The dictionary page, relative to where this module is served (dist/_import/components/).
  const link = html`<a>${def.name}</a>` as HTMLAnchorElement;
  link.href = new URL(`../../kpi-dictionary.html#kpi-${def.id}`, import.meta.url).href;
  const basis = figure.unit === "count" ? null : html`<div class=${`muted small kpi-basis${isSmall(figure) ? " kpi-small" : ""}`}>${basisText(figure)}</div>`;
  const change = previous ? compareKpi(figure, previous) : null;
  // A change the intervals cannot tell from noise is not coloured as good or bad news.
  const line = previous && change
    ? html`<div class="kpi-change" data-tone=${change.good === null || change.overlap ? "neutral" : change.good ? "good" : "bad"}>${`${{up: "↑", down: "↓", same: "±"}[change.direction]} ${change.text} vs ${previous.from} to ${previous.to} (${formatKpi(previous.value, figure.unit)})`}${change.overlap ? html`<span class="muted">${" · intervals overlap: not a clear change"}</span>` : null}</div>`
    : null;
  const tipId = `kpi-tip-${++tips}`;
  if (figure.unrecorded?.length) return unrecordedCard(figure, link, tipId);
  const tip = `${definitionText(def)} Window: ${figure.from} to ${figure.to}${figure.place === "all" ? "" : `, ${figure.place}`}. Version ${def.version}.`;
  return html`<div class="card kpi-card" data-kpi=${figure.id} data-from=${figure.from} data-to=${figure.to} data-place=${figure.place} data-value=${String(figure.value ?? "")} tabindex="0" aria-describedby=${tipId}><h2>${link}</h2><span class="big">${formatKpi(figure.value, figure.unit)}</span>${basis}${line}${note ? html`<div class="muted small">${note}</div>` : null}${cases ? drillLink(`Open these ${formatKpi(figure.value, figure.unit)} flags`, cases) : null}<div class="kpi-definition" role="tooltip" id=${tipId}>${tip}</div></div>`;
}

/**
 * A dictionary KPI whose columns the data does not record (an import without them): no value, and
 * which columns would give it one, in the data_quality page's terms.
 */
function unrecordedCard(figure: KpiFigure, link: HTMLAnchorElement, tipId: string): HTMLElement {
  const def = kpiDefinition(figure.id);
  const columns = figure.unrecorded!;
  return html`<div class="card kpi-card needs-data" data-kpi=${figure.id} data-from=${figure.from} data-to=${figure.to} data-place=${figure.place} data-value="" data-needs=${columns.join(" ")} tabindex="0" aria-describedby=${tipId}><h2>${link}</h2><span class="big">${NONE}</span><div class="muted small">Not in the imported data: it needs ${columns.flatMap((c, i) => [i ? ", " : "", html`<code>${c}</code>`])}.</div><div class="kpi-definition" role="tooltip" id=${tipId}>${definitionText(def)}</div></div>`;
}

export interface StatCardOptions {
  title: string;
  value: number;
  /** Formats the value and the previous one (default: one decimal). */
  format?: (x: number) => string;
  /** The value over the comparison period, for the change line. */
  previous?: number;
  /**
   * How a change is shown: "count" as a relative change (+12.3%), "share" (a fraction in [0, 1]) in
   * percentage points, "level" (hours, z-scores, per-user rates) as a difference in the value's format.
   */
  kind?: "count" | "share" | "level";
  goodWhen?: "up" | "down" | "neutral";
  note?: string;
  /** The case view's address for the cases this count is made of (src/explore/cases.ts), for drill-through. */
  cases?: string;
  /** Drill-through links of a figure that is not a count (a rate): each set of cases it is made of, named. */
  drills?: readonly CaseDrill[];
}

/** A named drill-through: the link's text and the case view's address. */
export interface CaseDrill {
  text: string;
  address: string;
}

const defaultFormat = (x: number) => formatNumber(x, 1);

/** The change line of a stat card: "↑ +1.4 pp vs previous period (71.5%)". */
function statChange(value: number, previous: number, kind: NonNullable<StatCardOptions["kind"]>, format: (x: number) => string, goodWhen: StatCardOptions["goodWhen"]): HTMLElement {
  const delta = value - previous;
  const text = kind === "share" ? formatPp(delta) : kind === "count" ? formatChange(previous !== 0 ? delta / Math.abs(previous) : NaN) : format(value) === format(previous) ? `±${format(0)}` : `${delta > 0 ? "+" : "−"}${format(Math.abs(delta))}`;
  const direction = format(value) === format(previous) ? "same" : delta > 0 ? "up" : "down";
  const tone = goodWhen === "neutral" || direction === "same" ? "neutral" : (direction === "up") === (goodWhen === "up") ? "good" : "bad";
  return html`<div class="kpi-change" data-tone=${tone}>${`${{up: "↑", down: "↓", same: "±"}[direction]} ${text} vs previous period (${format(previous)})`}</div>`;
}

/**
 * A card for a figure that is not a dictionary KPI (a count of days, a model's setting, a share the
 * dictionary does not define): title, value, change against `previous` in the terms its `kind` says,
 * and a note. A figure that carries a dictionary KPI's name uses kpiCard instead.
 */
export function statCard({title, value, format = defaultFormat, previous, kind = "count", goodWhen = "neutral", note, cases, drills = []}: StatCardOptions): HTMLElement {
  const change = previous !== undefined && Number.isFinite(previous) && Number.isFinite(value) ? statChange(value, previous, kind, format, goodWhen) : null;
  return html`<div class="card stat-card"><h2>${title}</h2><span class="big">${Number.isFinite(value) ? format(value) : NONE}</span>${change}${note ? html`<div class="muted small">${note}</div>` : null}${cases ? drillLink(`Open these ${format(value)} cases`, cases) : null}${drills.map((d) => drillLink(d.text, d.address))}</div>`;
}

/** A drill-through link to the case view, through dataLink's gate. */
export function drillLink(text: string, address: string): HTMLElement | Text {
  const drill = dataLink(text, address);
  if (drill instanceof HTMLAnchorElement) drill.className = "drill small";
  return drill;
}
