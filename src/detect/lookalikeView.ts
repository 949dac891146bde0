import {formatCount, formatNumber, formatPercent} from "../core/format.js";
import {dateSpan} from "./attackView.js";
import {SECONDARY_SIGNALS, SIGNAL_LABELS, type SecondarySignal} from "./dailySignals.js";
import type {FiringSignal, FiringSummary, SignalFiring} from "./lookalikeFiring.js";

/**
 * The attack page's benign look-alikes: the events (ground truth, shown, never read by a detector)
 * and how often each signal fires on their days, on this world and over the simulated worlds.
 */

/** One row of benign_events.arrow. */
export interface BenignRecord {
  event_id: string;
  kind: string;
  signal: string;
  start_date: string | Date;
  end_date: string | Date;
  accounts: number;
  flags: number;
  violating_flags: number;
  description: string;
}

export interface BenignRow {
  event_id: string;
  kind: string;
  /** The signal it trips, as the page names it. */
  signal: string;
  dates: string;
  accounts: number;
  flags: number;
  /** Share of its flags on content that breaks a rule. */
  violating: string;
  description: string;
}

export interface FiringRow {
  signal: string;
  /** "3 of 12" look-alike days, this world. */
  fired: string;
  share: string;
  /** Median over the worlds, with their range. */
  median: string;
  /** Worlds where it fired on at least one look-alike day. */
  worlds: string;
}

/** A signal's name in the firing table: the detectors say what they are, the others keep their label. */
export function firingLabel(signal: FiringSignal | "ip_prefix"): string {
  if (signal === "layered") return "Layered detector (its verdict)";
  if (signal === "volume") return "Volume (the T&S ops dashboard's rule)";
  if (signal === "ip_prefix") return "IP prefix (entity resolution)";
  return SIGNAL_LABELS[signal];
}

export function benignRows(events: readonly BenignRecord[]): BenignRow[] {
  return events.map((b) => ({
    event_id: b.event_id,
    kind: b.kind.replace(/_/g, " "),
    signal: firingLabel(b.signal as FiringSignal | "ip_prefix"),
    dates: dateSpan(b.start_date, b.end_date),
    accounts: b.accounts,
    flags: b.flags,
    violating: formatPercent(b.violating_flags / b.flags, 0),
    description: b.description
  }));
}

/** This world's firing beside the worlds' summary of the same signal. */
export function firingRows(firing: readonly SignalFiring[], summary: readonly FiringSummary[]): FiringRow[] {
  const across = new Map(summary.map((r) => [r.signal, r]));
  return firing.map((r) => {
    const s = across.get(r.signal);
    if (!s) throw new Error(`missing firing summary: ${r.signal}`);
    return {
      signal: firingLabel(r.signal),
      fired: `${formatCount(r.fired)} of ${formatCount(r.days)}`,
      share: formatPercent(r.share, 0),
      median: `${formatNumber(s.median, 1)} of ${formatCount(s.days)} (${formatCount(s.min)}–${formatCount(s.max)})`,
      worlds: `${formatCount(s.worldsFired)} of ${formatCount(s.worlds)}`
    };
  });
}

/** "flags on young accounts: 2; ...": each secondary signal's look-alike days fired on. */
export function firingAloneText(firing: readonly SignalFiring[]): string {
  return firing.filter((r) => (SECONDARY_SIGNALS as readonly string[]).includes(r.signal)).map((r) => `${SIGNAL_LABELS[r.signal as SecondarySignal].toLowerCase()}: ${r.fired}`).join("; ");
}

/** Everything the page shows of the look-alikes: rows, the look-alike days and the layered verdict. */
export interface LookalikeView {
  /** Days with at least one benign event. */
  days: number;
  benign: BenignRow[];
  firing: FiringRow[];
  alone: string;
  /** The layered detector's firing on the look-alike days. */
  layered: SignalFiring;
}

export function lookalikeView(world: {lookalikes: readonly (readonly string[])[]; firing: readonly SignalFiring[]}, summary: readonly FiringSummary[], events: readonly BenignRecord[]): LookalikeView {
  const layered = world.firing.find((r) => r.signal === "layered");
  if (!layered) throw new Error("missing firing: layered");
  return {days: world.lookalikes.filter((ids) => ids.length > 0).length, benign: benignRows(events), firing: firingRows(world.firing, summary), alone: firingAloneText(world.firing), layered};
}
