/**
 * The scope of a page with region and country selects and a period: the selects' "All ..." choices
 * as no filter, the place's name in prose, what a KPI card says when it has nothing to compare with,
 * and where a count of flags drills to (the case view, src/explore/cases.ts).
 */
import {casesQuery, KPI_CASES} from "../explore/cases.js";
import type {Comparison} from "./periods.js";

/** The select's choice that does not filter. */
export const ALL_REGIONS = "All regions";
export const ALL_COUNTRIES = "All countries";

export interface Place {
  region: string | null;
  country: string | null;
}

/** The region and country selects' values as a scope: "All regions" and "All countries" are null. */
export function placeScope(region: string, country: string = ALL_COUNTRIES): Place {
  return {region: region === ALL_REGIONS ? null : region, country: country === ALL_COUNTRIES ? null : country};
}

/** The narrowest place chosen, for prose: the country, else the region, else "all regions". */
export function placeName({region, country}: Place): string {
  return country ?? region ?? "all regions";
}

/** A KPI card's note when there is no earlier period: none was asked for, or none fits in the calendar. */
export function comparisonNote(previous: object | null, compare: Comparison): string | undefined {
  if (previous !== null) return undefined;
  return compare === "None" ? "Not compared." : "No earlier data of equal length to compare with.";
}

/** The case view's address for the flags a count KPI is made of, or undefined for a KPI that does not count flags. */
export function kpiCasesHref(id: string, range: {from: string; to: string}, {region, country}: Place): string | undefined {
  if (!(id in KPI_CASES)) return undefined;
  return `./cases.html${casesQuery({...range, region: region ?? undefined, country: country ?? undefined, ...KPI_CASES[id]})}`;
}
