import type {Columns} from "../../src/io/schema.js";

/** The ground-truth tables a platform rarely has: confirmed attacks, rings and benign look-alikes. */
export const TRUTH_TABLES = ["attacks", "rings", "benign_events"] as const;
/** The flags' ground-truth columns. */
export const FLAG_TRUTH = ["is_violation", "coordinated", "attack_id"] as const;

/**
 * A world's published tables as a platform without ground truth would have them: no attacks, rings or
 * benign events, and flags without their truth columns (the event log's and the accounts' truth stay:
 * the science pipeline trains on them). Exported (exportTables, exportFiles), they are such an import.
 */
export function withoutGroundTruth(tables: Readonly<Record<string, Columns>>): Record<string, Columns> {
  const out: Record<string, Columns> = {};
  for (const [name, columns] of Object.entries(tables)) {
    if ((TRUTH_TABLES as readonly string[]).includes(name)) continue;
    out[name] = name === "flags" ? Object.fromEntries(Object.entries(columns).filter(([c]) => !(FLAG_TRUTH as readonly string[]).includes(c))) : columns;
  }
  return out;
}
