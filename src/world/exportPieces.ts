import type {PublishedPieces} from "../io/import/exportTables.js";
import type {Columns} from "../io/schema.js";
import type {World} from "./simulate.js";
import {accountColumns, buildTables, dsaFlagsTable, flagsTable, idlePeriodsTable, moderatorSessionsTable, sessionItemsTable, snippetsTable} from "./tables.js";

/** Rows per piece of a table exported in pieces: a few megabytes of columns, short-lived. */
export const EXPORT_PIECE_ROWS = 10_000;

/** The indexes 0..n-1 in consecutive runs of at most `size`, as `build` makes each run into a piece (one empty piece when n is 0). */
export function* indexPieces(n: number, size: number, build: (rows: number[]) => Columns): Generator<Columns> {
  if (!(Number.isInteger(size) && size >= 1)) throw new Error(`indexPieces: size must be a positive integer, not ${size}`);
  for (let start = 0; start < n || start === 0; start += size) {
    const rows: number[] = [];
    for (let i = start; i < Math.min(n, start + size); i++) rows.push(i);
    yield build(rows);
  }
}

/**
 * Every row of a world's published tables that the import tables take, in pieces: what `npm run
 * export` writes. Above FULL_DETAIL_SCALE the published item-level tables keep a sample (tables.ts);
 * an export stands for a platform's own data, so it takes every flag, account and session through the
 * same builders given every row, in pieces of `rowsPerPiece` where a table grows with the world. Up to
 * scale 4 the pieces joined are the published tables. The other tables are the published ones, whole.
 */
export function exportPieces(world: World, rowsPerPiece = EXPORT_PIECE_ROWS): PublishedPieces {
  const published = buildTables(world);
  const whole = (name: keyof typeof published) => () => [published[name]];
  const pieces = (n: number, build: (rows: number[]) => Columns) => () => indexPieces(n, rowsPerPiece, build);
  const {flags, users, sessions} = world;
  return {
    daily_country: whole("daily_country"), reviewers: whole("reviewers"), events: whole("events"), cohort: whole("cohort"),
    attacks: whole("attacks"), rings: whole("rings"), known_events: whole("known_events"), monthly_active: whole("monthly_active"), benign_events: whole("benign_events"),
    flags: pieces(flags.length, (rows) => flagsTable(world, rows)),
    snippets: pieces(flags.length, (rows) => snippetsTable(world, rows)),
    dsa_flags: pieces(flags.length, (rows) => dsaFlagsTable(world, rows)),
    users: pieces(users.length, (ids) => accountColumns(world, ids)),
    moderator_sessions: pieces(sessions.sessions.length, (rows) => moderatorSessionsTable(world, rows)),
    session_items: pieces(sessions.items.length, (rows) => sessionItemsTable(world, rows)),
    idle_periods: pieces(sessions.idle.length, (rows) => idlePeriodsTable(world, rows))
  };
}
