import {ENFORCEMENTS} from "../lib/core/constants.js";
import type {MixKind} from "../lib/metrics/mixView.js";
import {actionColor, categoryColor, label, sourceColor} from "./palette.js";

/** The colour scale of a mix: the palette's categories or sources, or its actions without "none" for enforcement types. */
export function mixColor(kind: MixKind): {domain: string[]; range: string[]; tickFormat?: (k: string) => string} {
  if (kind === "Category") return categoryColor;
  if (kind === "Source") return sourceColor;
  return {...actionColor, domain: [...ENFORCEMENTS], range: actionColor.range.slice(0, ENFORCEMENTS.length), tickFormat: label};
}
