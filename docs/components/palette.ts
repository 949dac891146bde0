import {ACTIONS, CATEGORIES, CATEGORY_LABELS, SEVERITIES, SOURCE_LABELS, SOURCES} from "../lib/core/constants.js";
import {ENFORCEMENT_ACTIONS} from "../lib/detect/enforcementPolicy.js";
import {LINK_KINDS} from "../lib/cluster/resolveEntities.js";

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

export const actionColor = {domain: [...ACTIONS], range: ["#b2182b", "#efb118", "#6a3d9a", "#4269d0", "#c8c8c8"]};

/**
 * Event types of the event log (the protection-science notebook, EVENT_TYPES in src/world/events.ts, spelled out here so that
 * pages do not bundle the simulation; a unit test keeps the two equal): activity in cool colours, the
 * platform's interventions in warm ones.
 */
export const eventTypeColor = {domain: ["signup", "login", "chat", "upload", "billing", "warning", "policy_block"], range: ["#3ca951", "#97bbf5", "#4269d0", "#6cc5b0", "#9498a0", "#efb118", "#b2182b"]};

/** Enforcement suggestions of the protection-science pipeline, from no action to a human decision. */
export const enforcementColor = {domain: [...ENFORCEMENT_ACTIONS], range: ["#9498a0", "#efb118", "#ff8c00", "#b2182b", "#6a3d9a"]};

/** Identifiers that link accounts in entity resolution. */
export const linkColor = {domain: [...LINK_KINDS], range: ["#4269d0", "#3ca951", "#ff8ab7"]};

/** The usual PSI bands. */
export const psiBandColor = {domain: ["stable", "moderate", "significant"], range: ["#3ca951", "#efb118", "#b2182b"]};

/** The two detectors of the protection-science pipeline. */
export const detectorColor = {domain: ["Heuristic", "Logistic regression"], range: ["#efb118", "#4269d0"]};

/** Human label for a category, source or any snake_case value. */
export function label(value: string): string {
  return CATEGORY_LABELS[value as keyof typeof CATEGORY_LABELS] ?? SOURCE_LABELS[value as keyof typeof SOURCE_LABELS] ?? value.replace(/_/g, " ");
}

/** Outcome of a detector on a day or an item against ground truth: found, false alarm, missed, quiet. */
export const outcomeColor = {
  domain: ["TP", "FP", "FN", "TN"],
  range: ["#3ca951", "#ff8c00", "#b2182b", "#9498a0"],
  tickFormat: (k: string) => ({TP: "Attack found (TP)", FP: "False alarm (FP)", FN: "Attack missed (FN)", TN: "Quiet day (TN)"})[k] ?? k
};
