import {describe, expect, it} from "vitest";
import {ringInfrastructureQuery, senderAgeQuery, WEEKLY_REPORTS} from "../../../src/investigate/queries.js";
import {controlUserDaysQuery, experimentUnitsQuery} from "../../../src/experiment/queries.js";

describe("queries", () => {
  it("senderAgeQuery(week, days) puts the week and the age into the SQL", () => {
    const q = senderAgeQuery("2025-05-12", 14);
    expect(q.sql).toContain("DATE '2025-05-12'");
    expect(q.sql).toContain("< 14 AS young_sender");
    expect(q.question).toContain("14 days");
  });
  it("query builders reject anything that is not a date or a positive day count", () => {
    expect(() => senderAgeQuery("2025-05-12'; DROP TABLE flags; --", 14)).toThrow("invalid date");
    expect(() => senderAgeQuery("2025-05-12", 0)).toThrow("invalid account age: 0");
    expect(() => ringInfrastructureQuery("yesterday")).toThrow("invalid date: yesterday");
    expect(() => experimentUnitsQuery({start: "2025-06-02", end: "2025-06-29", newAccountDays: 7, followUpDays: 0})).toThrow("invalid follow-up days: 0");
    expect(() => controlUserDaysQuery({start: "2025-06-02", end: "2025-06-29", newAccountDays: 1.5, followUpDays: 28})).toThrow("invalid new-account days: 1.5");
  });
  it("WEEKLY_REPORTS groups ISO weeks of the daily country table", () => {
    expect(WEEKLY_REPORTS.sql).toMatch(/date_trunc\('week', date\)/);
    expect(WEEKLY_REPORTS.sql).toContain("FROM daily_country");
  });
});
