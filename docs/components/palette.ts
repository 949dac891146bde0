import {ACTIONS, CATEGORIES, CATEGORY_LABELS, ROUTES, SEVERITIES, SOURCE_LABELS, SOURCES} from "../lib/world/constants.js";

/**
 * One colour per category, source, severity, route and action on every page. Use as a Plot color
 * scale: `color: categoryColor` (add `legend: true` where a legend helps).
 */
export const categoryColor = {
  domain: [...CATEGORIES],
  range: ["#4269d0", "#ff725c", "#efb118", "#6cc5b0", "#a463f2", "#9498a0"],
  tickFormat: (k: string) => CATEGORY_LABELS[k as keyof typeof CATEGORY_LABELS] ?? k
};

export const sourceColor = {
  domain: [...SOURCES],
  range: ["#3ca951", "#ff8ab7", "#97bbf5"],
  tickFormat: (k: string) => SOURCE_LABELS[k as keyof typeof SOURCE_LABELS] ?? k
};

export const severityColor = {domain: [...SEVERITIES], range: ["#b2182b", "#ef8a62", "#fddbc7", "#d1e5f0"]};

export const routeColor = {domain: [...ROUTES], range: ["#b2182b", "#4269d0", "#efb118", "#9498a0"]};

export const actionColor = {domain: [...ACTIONS], range: ["#b2182b", "#efb118", "#6a3d9a", "#4269d0", "#c8c8c8"]};

/** Human label for a category, source or any snake_case value. */
export function label(value: string): string {
  return CATEGORY_LABELS[value as keyof typeof CATEGORY_LABELS] ?? SOURCE_LABELS[value as keyof typeof SOURCE_LABELS] ?? value.replace(/_/g, " ");
}
