import {describe, expect, it} from "vitest";
import {comparisonNote, kpiCasesHref, placeName, placeScope} from "../../../src/metrics/pageScope.js";

describe("pageScope", () => {
  it("placeScope(region, country) reads the selects' All choices as no filter", () => {
    expect(placeScope("All regions", "All countries")).toEqual({region: null, country: null});
    expect(placeScope("APAC")).toEqual({region: "APAC", country: null});
    expect(placeScope("APAC", "Vietnam")).toEqual({region: "APAC", country: "Vietnam"});
  });
  it("placeName(place) names the country, else the region, else all regions", () => {
    expect(placeName({region: "APAC", country: "Vietnam"})).toBe("Vietnam");
    expect(placeName({region: "EMEA", country: null})).toBe("EMEA");
    expect(placeName({region: null, country: null})).toBe("all regions");
  });
  it("comparisonNote(previous, compare) is silent with a period to compare, else says why there is none", () => {
    expect(comparisonNote({from: "2025-03-01", to: "2025-03-07"}, "Previous period")).toBeUndefined();
    expect(comparisonNote(null, "None")).toBe("Not compared.");
    expect(comparisonNote(null, "Previous period")).toBe("No earlier data of equal length to compare with.");
  });
  it("kpiCasesHref(id, range, place) links a count of flags to the case view, with its own filter, and nothing else", () => {
    const range = {from: "2025-07-01", to: "2025-07-31"};
    expect(kpiCasesHref("reports", range, {region: null, country: null})).toBe("./cases.html?from=2025-07-01&to=2025-07-31");
    expect(kpiCasesHref("enforcements", range, {region: "APAC", country: "Vietnam"})).toBe("./cases.html?from=2025-07-01&to=2025-07-31&region=apac&country=vietnam&action=any-enforcement");
    expect(kpiCasesHref("report_rate", range, {region: null, country: null})).toBeUndefined();
  });
});
