import type {ColumnSpec} from "./schema.js";

/**
 * The column builders of the table contracts (src/io/contracts.ts, src/science/contracts.ts): each
 * returns a ColumnSpec of one kind, `extra` adding or overriding any of its fields.
 */

type Extra = Partial<ColumnSpec>;

export const int = (name: string, description: string, extra: Extra = {}): ColumnSpec => ({name, type: "int", min: 0, description, ...extra});
/** A count: an integer of at least 0. */
export const count = (name: string, description: string): ColumnSpec => int(name, description);
export const float = (name: string, description: string, extra: Extra = {}): ColumnSpec => ({name, type: "float", description, ...extra});
/** Seconds: a float of at least 0. */
export const seconds = (name: string, description: string): ColumnSpec => ({name, type: "float", min: 0, description});
/** A share: a float in [0, 1]. */
export const share = (name: string, description: string, nullable = false): ColumnSpec => ({name, type: "float", min: 0, max: 1, nullable, description});
export const text = (name: string, description: string, extra: Extra = {}): ColumnSpec => ({name, type: "string", description, ...extra});
/** A UTC day, YYYY-MM-DD. */
export const date = (name: string, description: string, nullable = false): ColumnSpec => ({name, type: "date", nullable, description});
/** A UTC time, epoch ms. */
export const ts = (name: string, description: string, nullable = false): ColumnSpec => ({name, type: "timestamp", nullable, description});
