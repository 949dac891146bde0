import {describe, expect, it} from "vitest";
import {nextOnShift, type Shift} from "../../../src/core/shifts.js";

const H = 3_600_000;
const weekdays = [false, true, true, true, true, true, false];

describe("nextOnShift", () => {
  it("waits for the next workday's start; 2025-03-01 is a Saturday", () => {
    const shift: Shift = {startHour: 9, hours: 8, workdays: weekdays};
    const saturday = Date.UTC(2025, 2, 1, 12);
    expect(nextOnShift(shift, saturday)).toEqual({from: Date.UTC(2025, 2, 3, 9), until: Date.UTC(2025, 2, 3, 17)});
    // Inside a stint: from is now.
    const monday = Date.UTC(2025, 2, 3, 10);
    expect(nextOnShift(shift, monday)).toEqual({from: monday, until: Date.UTC(2025, 2, 3, 17)});
  });

  it("continues a night shift begun the previous (work)day", () => {
    const shift: Shift = {startHour: 22, hours: 8, workdays: weekdays};
    // Friday 22:00 to Saturday 06:00 is Friday's stint.
    const saturdayEarly = Date.UTC(2025, 2, 1, 3);
    expect(nextOnShift(shift, saturdayEarly)).toEqual({from: saturdayEarly, until: Date.UTC(2025, 2, 1, 6)});
    // Saturday 07:00: the next stint is Monday's.
    expect(nextOnShift(shift, Date.UTC(2025, 2, 1, 7)).from).toBe(Date.UTC(2025, 2, 3, 22));
  });

  it("refuses a shift with no workdays", () => {
    expect(() => nextOnShift({startHour: 9, hours: 8, workdays: Array(7).fill(false)}, 0)).toThrow("no workdays");
  });
});
