import {chance, normal, type Rng} from "./random.js";
import type {Shift} from "./queue.js";

export const HUBS = [
  {name: "Manila", startHour: 0},
  {name: "Dublin", startHour: 8},
  {name: "Austin", startHour: 16}
] as const;

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
  /** How often the reviewer pauses or drifts idle within a session, relative to the team. */
  idleness: Float64Array;
}

export function generateReviewers(rng: Rng, count: number, shiftHours: number): Reviewers {
  if (!Number.isInteger(count) || count < 1) throw new Error(`invalid reviewer count: ${count}`);
  const id: string[] = [];
  const hub: string[] = [];
  const shifts: Shift[] = [];
  const speed = new Float64Array(count);
  const accuracy = new Float64Array(count);
  const idleness = new Float64Array(count);
  for (let r = 0; r < count; r++) {
    const h = HUBS[r % HUBS.length];
    id.push(`R${String(r + 1).padStart(2, "0")}`);
    hub.push(h.name);
    // Most reviewers take the weekend off; a rota covers it with a few, so weekend backlogs build up.
    const weekendRota = r % 4 === 0;
    const off = weekendRota ? [(1 + (r % 3)) % 7, (2 + (r % 3)) % 7] : [0, 6];
    shifts.push({startHour: h.startHour, hours: shiftHours, workdays: [0, 1, 2, 3, 4, 5, 6].map((d) => !off.includes(d))});
    speed[r] = Math.min(1.35, Math.max(0.75, normal(rng, 1, 0.14)));
    idleness[r] = Math.min(2.5, Math.max(0.3, normal(rng, 1, 0.45)));
    // Idle, distracted reviewers make more mistakes: the moderator page measures this relation.
    accuracy[r] = Math.min(0.985, Math.max(0.86, 0.975 - 0.03 * idleness[r] + normal(rng, 0, 0.012) - (chance(rng, 0.1) ? 0.03 : 0)));
  }
  return {length: count, id, hub, shifts, speed, accuracy, idleness};
}
