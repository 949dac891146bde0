import {describe, expect, it} from "vitest";
import {eventTypeRows, orderSampleAccounts, summarizeEvents} from "../../../src/science/eventsView.js";

const utc = (date: string) => new Date(`${date}T00:00:00Z`);
const counts = [
  {date: utc("2025-03-02"), event_type: "login", events: 10, abusive: 0},
  {date: utc("2025-03-01"), event_type: "chat", events: 4, abusive: 1},
  {date: utc("2025-03-03"), event_type: "chat", events: 6, abusive: 2},
  {date: utc("2025-03-02"), event_type: "upload", events: 5, abusive: 0}
];

describe("eventsView", () => {
  it("summarizeEvents(counts) sums events and abusive ones, per type most frequent first, over the days they span", () => {
    const s = summarizeEvents(counts);
    expect(s.total).toBe(25);
    expect(s.abusive).toBe(3);
    expect(s.byType).toEqual([{event_type: "login", events: 10, abusive: 0}, {event_type: "chat", events: 10, abusive: 3}, {event_type: "upload", events: 5, abusive: 0}]);
    expect([s.first, s.last]).toEqual(["2025-03-01", "2025-03-03"]);
  });

  it("summarizeEvents([]) throws", () => {
    expect(() => summarizeEvents([])).toThrow("invalid counts: no days");
  });

  it("eventTypeRows(byType, total) adds each type's share of all events and its abusive share", () => {
    const [chat] = eventTypeRows([{event_type: "chat", events: 10, abusive: 3}], 25);
    expect(chat.share).toBeCloseTo(0.4, 12);
    expect(chat.abusive_share).toBeCloseTo(0.3, 12);
  });

  it("orderSampleAccounts(sample, stratumOf) lists each account once, by stratum then id; one without a stratum by id", () => {
    const stratumOf = new Map([["u3", "a_ring"], ["u1", "b_benign"], ["u2", "a_ring"]]);
    const sample = [{user_id: "u1"}, {user_id: "u3"}, {user_id: "u2"}, {user_id: "u1"}];
    expect(orderSampleAccounts(sample, stratumOf)).toEqual(["u2", "u3", "u1"]);
    expect(orderSampleAccounts([{user_id: "u9"}, {user_id: "u0"}], new Map())).toEqual(["u0", "u9"]);
  });
});
