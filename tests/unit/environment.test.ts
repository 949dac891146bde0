import {expect, it} from "vitest";

it("tests run in UTC", () => {
  expect(process.env.TZ).toBe("UTC");
  expect(new Date(2025, 2, 1).toISOString()).toBe("2025-03-01T00:00:00.000Z");
});
