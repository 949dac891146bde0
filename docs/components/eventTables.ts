import * as Inputs from "@observablehq/inputs";
import {formatCount, formatPercent} from "../lib/core/format.js";
import type {EventTypeTotal} from "../lib/science/eventsView.js";
import {label} from "./palette.js";

/** Events per type over the whole period: count, share of all events and abusive share (ground truth). */
export function eventTypeTable(rows: readonly (EventTypeTotal & {share: number; abusive_share: number})[]) {
  return Inputs.table(rows, {
    columns: ["event_type", "events", "share", "abusive_share"],
    header: {event_type: "Event type", events: "Events", share: "Share of all", abusive_share: "Abusive (truth)"},
    format: {event_type: label, events: (x: number) => formatCount(x), share: (x: number) => formatPercent(x), abusive_share: (x: number) => formatPercent(x)},
    layout: "auto",
    select: false
  });
}

/** One account's events in time order, 14 rows at a time, times in UTC to the second. */
export function eventTimelineTable(rows: readonly {ts: Date}[]) {
  return Inputs.table(rows, {
    columns: ["ts", "event_type", "device_id", "ip_prefix", "payment_id", "peer_id", "peer_new", "abusive"],
    header: {ts: "Time (UTC)", event_type: "Event", device_id: "Device", ip_prefix: "IP prefix", payment_id: "Payment", peer_id: "Recipient", peer_new: "Recipient new", abusive: "Abusive (truth)"},
    format: {ts: (d: Date) => d.toISOString().replace("T", " ").slice(0, 19), event_type: label},
    layout: "auto",
    rows: 14,
    select: false
  });
}
