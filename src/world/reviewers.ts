import {chance, normal, type Rng} from "../core/random.js";
import type {Shift} from "../core/shifts.js";
import {REVIEW} from "../core/params.js";
import {DAY_MS, START_DATE} from "../core/constants.js";

const START_MS = Date.parse(`${START_DATE}T00:00:00Z`);

/**
 * The hubs' shifts, their start (UTC) and the language pools their reviewers read (a bit mask: bit 0 the
 * English-language pool every hub reads, bit 1 the APAC languages, read in Manila only).
 */
export const HUBS = [
  {name: "Manila", startHour: 0, reads: 0b11},
  {name: "Dublin", startHour: 13, reads: 0b01},
  {name: "Manila", startHour: 8, reads: 0b11},
  {name: "Austin", startHour: 21, reads: 0b01},
  {name: "Manila", startHour: 0, reads: 0b11}
] as const;
/** Language pool of a case from its region: APAC reports need the APAC languages. */
export const POOL_BY_REGION: Record<string, number> = {APAC: 1};

/** The review team: who works when, how fast and how accurately. */
export interface Reviewers {
  length: number;
  id: string[];
  hub: string[];
  shifts: Shift[];
  /** Handling-time multiplier (below 1 is faster). */
  speed: Float64Array;
  /** Probability that a decision agrees with the ground truth. */
  accuracy: Float64Array;
  /** Language pools read (bit mask, see HUBS). */
  reads: Uint8Array;
  /** How often the reviewer pauses or drifts idle within a session, relative to the team. */
  idleness: Float64Array;
}

export function generateReviewers(rng: Rng, count: number, shiftHours: number, breaks: Shift["breaks"] = REVIEW.breaks): Reviewers {
  if (!Number.isInteger(count) || count < 1) throw new Error(`invalid reviewer count: ${count}`);
  const id: string[] = [];
  const hub: string[] = [];
  const shifts: Shift[] = [];
  const speed = new Float64Array(count);
  const accuracy = new Float64Array(count);
  const idleness = new Float64Array(count);
  const reads = new Uint8Array(count);
  for (let r = 0; r < count; r++) {
    const h = HUBS[r % HUBS.length];
    id.push(`R${String(r + 1).padStart(2, "0")}`);
    hub.push(h.name);
    reads[r] = h.reads;
    // Most reviewers take the weekend off; a rota covers it with a few, so weekend backlogs build up.
    // One in five, on a different shift in each block of five.
    // Manila, the only hub that reads the APAC languages, works a seven-day rota: its days off are
    // staggered through the week, so the APAC queue has readers every day.
    const weekendRota = r % 5 === Math.floor(r / 5) % 5;
    const manila = h.reads & 0b10 ? Math.floor(r / 5) * 3 + [0, 0, 1, 0, 2][r % 5] : -1;
    const off = manila >= 0 ? [manila % 7, (manila + 1) % 7] : weekendRota ? [(1 + (r % 3)) % 7, (2 + (r % 3)) % 7] : [0, 6];
    // The team grows with the platform: a founding share works from the first day, the rest are hired
    // one by one through the period (the published roster is the team at the end).
    const q = r / count;
    const hired = q < REVIEW.foundingShare ? 0 : Math.round(REVIEW.hiringDays[0] + ((REVIEW.hiringDays[1] - REVIEW.hiringDays[0]) * (q - REVIEW.foundingShare)) / (1 - REVIEW.foundingShare));
    shifts.push({startHour: h.startHour, hours: shiftHours, breaks, from: START_MS + hired * DAY_MS, workdays: [0, 1, 2, 3, 4, 5, 6].map((d) => !off.includes(d))});
    speed[r] = Math.min(1.35, Math.max(0.75, normal(rng, 1, 0.14)));
    idleness[r] = Math.min(2.5, Math.max(0.3, normal(rng, 1, 0.45)));
    // Idle, distracted reviewers make more mistakes: the moderator page measures this relation.
    accuracy[r] = Math.min(0.985, Math.max(0.86, 0.975 - 0.03 * idleness[r] + normal(rng, 0, 0.012) - (chance(rng, 0.1) ? 0.03 : 0)));
  }
  return {length: count, id, hub, shifts, speed, accuracy, idleness, reads};
}
