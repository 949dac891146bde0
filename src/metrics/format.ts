import type {Unit} from "./definitions.js";

const integer = new Intl.NumberFormat("en-US", {maximumFractionDigits: 0});

/** A KPI value in its unit, as every page shows it: "1,234", "72.9%", "14.9 h", "6.53 per 1,000 DAU". */
export function formatKpi(value: number | null | undefined, unit: Unit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  switch (unit) {
    case "count":
      return integer.format(value);
    case "percent":
      return `${(value * 100).toFixed(value < 0.1 ? 2 : 1)}%`;
    case "hours":
      return `${value.toFixed(1)} h`;
    case "per_1000_dau":
      return `${value.toFixed(2)} per 1,000 DAU`;
  }
}
