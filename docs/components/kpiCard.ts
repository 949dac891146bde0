export interface KpiCardOptions {
  title: string;
  value: number;
  /** Formats the value (and the previous value in the tooltip). */
  format?: (x: number) => string;
  /** Value over the previous period of equal length, for the change line. */
  previous?: number;
  /** Whether a rise is good news (green) or bad news (red); "neutral" shows no colour. */
  goodWhen?: "up" | "down" | "neutral";
  /** One line under the value, e.g. the definition or the period. */
  note?: string;
}

const defaultFormat = new Intl.NumberFormat("en-US", {maximumFractionDigits: 1}).format;

/**
 * A KPI card: title, big value, change against the previous period and a note. Pages lay cards out in
 * Framework's grid (`<div class="grid grid-cols-4">`).
 */
export function kpiCard({title, value, format = defaultFormat, previous, goodWhen = "neutral", note}: KpiCardOptions): HTMLElement {
  const card = document.createElement("div");
  card.className = "card kpi-card";
  const h = document.createElement("h2");
  h.textContent = title;
  const big = document.createElement("span");
  big.className = "big";
  big.textContent = Number.isFinite(value) ? format(value) : "–";
  card.append(h, big);
  if (previous !== undefined && Number.isFinite(previous) && Number.isFinite(value)) {
    const change = previous === 0 ? NaN : (value - previous) / Math.abs(previous);
    const line = document.createElement("div");
    line.className = "kpi-change";
    const up = value > previous;
    const tone = goodWhen === "neutral" || value === previous ? "muted" : up === (goodWhen === "up") ? "green" : "red";
    line.style.color = tone === "muted" ? "var(--theme-foreground-muted)" : `var(--theme-${tone})`;
    line.textContent = `${value === previous ? "±" : up ? "↑" : "↓"} ${Number.isFinite(change) ? `${Math.abs(change * 100).toFixed(1)}%` : "n/a"} vs previous period (${format(previous)})`;
    line.title = `Previous period of equal length: ${format(previous)}`;
    card.append(line);
  }
  if (note) {
    const p = document.createElement("div");
    p.className = "muted small";
    p.textContent = note;
    card.append(p);
  }
  return card;
}
