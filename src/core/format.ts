/**
 * The workbook's one set of formatters, for src/ and the pages alike. Numbers read as en-US ("1,234"),
 * negative signs are the typographic minus (−), and a value that does not exist (null, undefined, NaN,
 * ±Infinity) prints as NONE, the one null glyph. Shares are fractions in [0, 1]: formatPercent(0.729)
 * is "72.9%". Changes in rates are percentage points (formatPp), changes in counts are relative
 * (formatChange).
 */

/** What every formatter prints for a value that does not exist. */
export const NONE = "–";

const MINUS = "−";

const finite = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

/** "-1.5" → "−1.5": the typographic minus, and no "-0.0". */
function signedText(text: string): string {
  if (/^-0(\.0+)?$/.test(text)) return text.slice(1);
  return text.startsWith("-") ? MINUS + text.slice(1) : text;
}

/** A fixed-point number with the typographic minus: fixed(-1.25, 1) is "−1.3" (toFixed's rounding). */
export function formatNumber(x: number | null | undefined, digits = 1): string {
  if (!finite(x)) return NONE;
  return signedText(x.toFixed(digits));
}

const integer = new Intl.NumberFormat("en-US", {maximumFractionDigits: 0});

/** A count with thousands separators: 1234.4 → "1,234". */
export function formatCount(x: number | null | undefined): string {
  if (!finite(x)) return NONE;
  return signedText(integer.format(Math.round(x) === 0 ? 0 : x));
}

/** A share in [0, 1] as a percent: 0.7291 → "72.9%". */
export function formatPercent(share: number | null | undefined, digits = 1): string {
  if (!finite(share)) return NONE;
  return `${formatNumber(100 * share, digits)}%`;
}

/** Hours: 14.94 → "14.9 h". */
export function formatHours(x: number | null | undefined, digits = 1): string {
  if (!finite(x)) return NONE;
  return `${formatNumber(x, digits)} h`;
}

/** A rate per `per` units of a base: (6.531, "1,000 DAU") → "6.53 per 1,000 DAU". */
export function formatRate(x: number | null | undefined, base: string, digits = 2): string {
  if (!finite(x)) return NONE;
  return `${formatNumber(x, digits)} per ${base}`;
}

/** The sign a change starts with: "+", "−", or "±" for no change at the shown precision. */
function withSign(x: number, text: string): string {
  if (!/[1-9]/.test(text)) return `±${text}`;
  return `${x > 0 ? "+" : MINUS}${text}`;
}

/** A difference of two shares in percentage points: 0.0142 → "+1.4 pp". */
export function formatPp(delta: number | null | undefined, digits = 1): string {
  if (!finite(delta)) return NONE;
  return `${withSign(delta, Math.abs(100 * delta).toFixed(digits))} pp`;
}

/** A relative change of a count: 0.123 → "+12.3%". */
export function formatChange(ratio: number | null | undefined, digits = 1): string {
  if (!finite(ratio)) return NONE;
  return `${withSign(ratio, Math.abs(100 * ratio).toFixed(digits))}%`;
}

/** A file size in decimal units: 1234 → "1.2 kB", 4_890_000 → "4.9 MB". */
export function formatBytes(n: number | null | undefined): string {
  if (!finite(n)) return NONE;
  return n >= 1e6 ? `${formatNumber(n / 1e6, 1)} MB` : `${formatNumber(n / 1e3, 1)} kB`;
}

/** A UTC instant or day as YYYY-MM-DD. */
export function formatDay(value: Date | number | string): string {
  if (typeof value === "string") return value.slice(0, 10);
  return new Date(typeof value === "number" ? value : value.getTime()).toISOString().slice(0, 10);
}

/** A UTC instant to the minute: "2025-08-12 09:00" (epoch ms or a Date). */
export function formatMinute(value: Date | number): string {
  return new Date(typeof value === "number" ? value : value.getTime()).toISOString().slice(0, 16).replace("T", " ");
}

/** The units a KPI can be measured in (src/metrics/definitions.ts). */
export type Unit = "count" | "percent" | "hours" | "per_1000_dau";

/** A KPI value in its unit, as every page shows it: "1,234", "72.9%", "14.9 h", "6.53 per 1,000 DAU". */
export function formatKpi(value: number | null | undefined, unit: Unit): string {
  switch (unit) {
    case "count":
      return formatCount(value);
    case "percent":
      return formatPercent(value, finite(value) && Math.abs(value) < 0.1 ? 2 : 1);
    case "hours":
      return formatHours(value);
    case "per_1000_dau":
      return formatRate(value, "1,000 DAU");
  }
}

/** A difference of two values of a KPI in its unit's terms: pp for percents, "+0.8 h", "+12", "+0.12 per 1,000 DAU". */
export function formatDelta(delta: number | null | undefined, unit: Unit): string {
  if (!finite(delta)) return NONE;
  const abs = Math.abs(delta);
  switch (unit) {
    case "percent":
      return formatPp(delta);
    case "count":
      return withSign(delta, integer.format(abs));
    case "hours":
      return `${withSign(delta, abs.toFixed(1))} h`;
    case "per_1000_dau":
      return `${withSign(delta, abs.toFixed(2))} per 1,000 DAU`;
  }
}

/** An interval in a KPI's unit: (0.701, 0.752, "percent") → "70.1–75.2%". */
export function formatInterval(lower: number | null | undefined, upper: number | null | undefined, unit: Unit): string {
  if (!finite(lower) || !finite(upper)) return NONE;
  if (unit === "percent") {
    const digits = Math.abs(upper) < 0.1 ? 2 : 1;
    return `${formatNumber(100 * lower, digits)}–${formatPercent(upper, digits)}`;
  }
  return `${formatKpi(lower, unit)} to ${formatKpi(upper, unit)}`;
}
