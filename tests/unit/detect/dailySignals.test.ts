import {describe, expect, it} from "vitest";
import {dailySignals, dayKey, largestNearDuplicateGroup} from "../../../src/detect/dailySignals.js";

const users = [
  {user_id: "old1", signup_date: "2024-01-01", device_id: "D1", payment_id: null},
  {user_id: "old2", signup_date: "2024-01-01", device_id: "D2", payment_id: "P1"},
  {user_id: "new1", signup_date: "2025-05-25", device_id: "D9", payment_id: null},
  {user_id: "new2", signup_date: new Date("2025-05-26T00:00:00Z"), device_id: "D9", payment_id: null},
  {user_id: "new3", signup_date: "2025-05-31", device_id: "D8", payment_id: "P1"}
];
const dates = ["2025-06-01", "2025-06-02"];
const SCRIPT = "everyone report this loser, they deserve to lose their post";

describe("dailySignals", () => {
  it("dailySignals(flags, users, dates) computes volume, young accounts, duplicates, linked accounts and one target", () => {
    const flags = [
      {date: "2025-06-01", actor_id: "old1", target_id: "V", text: "Buy designer bags now at win-now.example"},
      {date: "2025-06-01", actor_id: "new1", target_id: "V", text: SCRIPT},
      {date: "2025-06-01", actor_id: "new2", target_id: "V", text: SCRIPT.toUpperCase()},
      {date: "2025-06-01", actor_id: "new2", target_id: null, text: `${SCRIPT} 🔥`},
      {date: new Date("2025-06-01T12:00:00Z"), actor_id: "old2", target_id: "W", text: "the truth about the storm: the flood was staged"},
      {date: "2025-06-01", actor_id: "new3", text: "hot pics no filter"},
      {date: "2025-05-31", actor_id: "new1", text: SCRIPT}
    ];
    const s = dailySignals(flags, users, dates, {youngDays: 7});
    expect(s.volume).toEqual([6, 0]);
    // new1 is 7 days old on 06-01 (not younger than 7); new2 is 6 and new3 1 day old.
    expect(s.young).toEqual([3, 0]);
    // The script's three copies (case and an emoji aside) are one near-duplicate group, by text alone.
    expect(s.duplicate).toEqual([3, 0]);
    // new1 and new2 share device D9 (3 flags); old2 and new3 share payment P1 (2 flags).
    expect(s.shared).toEqual([5, 0]);
    expect(s.target).toEqual([3, 0]);
  });
  it("dailySignals counts one account twice on one device as unlinked, and an unknown actor as nothing", () => {
    const flags = [
      {date: "2025-06-02", actor_id: "new1"},
      {date: "2025-06-02", actor_id: "new1"},
      {date: "2025-06-02", actor_id: "ghost"}
    ];
    const s = dailySignals(flags, users, dates);
    expect(s.shared).toEqual([0, 0]);
    expect(s.young).toEqual([0, 2]);
    expect(s.volume).toEqual([0, 3]);
  });
  it("dailySignals([], users, []) is empty and a bad age limit throws", () => {
    expect(dailySignals([], users, []).volume).toEqual([]);
    expect(() => dailySignals([], users, dates, {youngDays: 0})).toThrow("invalid youngDays: 0");
  });
  it("dailySignals reads duplicates from the texts it is given, scaled by flags / texts of the day", () => {
    // Two of four flags carry a text (the day's sample): both copies of the script, so 2 × 4 / 2.
    const flags = [
      {date: "2025-06-01", actor_id: "old1", text: SCRIPT},
      {date: "2025-06-01", actor_id: "old1", text: `${SCRIPT}!!`},
      {date: "2025-06-01", actor_id: "old1", text: null},
      {date: "2025-06-01", actor_id: "old1"}
    ];
    expect(dailySignals(flags, users, dates).duplicate).toEqual([4, 0]);
  });
  it("largestNearDuplicateGroup(texts, flags) is 0 without texts and the largest group scaled to the flags", () => {
    expect(largestNearDuplicateGroup([], 10)).toBe(0);
    expect(largestNearDuplicateGroup([SCRIPT, "something else entirely here", SCRIPT.toLowerCase()], 3)).toBe(2);
    expect(largestNearDuplicateGroup([SCRIPT, "something else entirely here", SCRIPT.toLowerCase()], 30)).toBe(20);
  });
  it("dayKey(date) reads strings and Dates as UTC days", () => {
    expect(dayKey("2025-06-01T23:00:00Z")).toBe("2025-06-01");
    expect(dayKey(new Date("2025-06-01T23:59:59Z"))).toBe("2025-06-01");
  });
});
