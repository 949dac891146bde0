import type {TableName} from "../src/io/contracts.js";
import {loadArrow, toRows} from "../src/io/readArrow.js";
import type {World} from "./_worldFiles.js";

/**
 * A published table as the pages see it: the same Arrow bytes (from the build's world cache), read
 * with the same loadArrow and toRows. Loaders that derive figures from published tables use this,
 * so a figure in a loader's output and the same figure computed on a page agree.
 */
export async function publishedRows<R = Record<string, any>>(world: World, name: TableName): Promise<R[]> {
  return toRows(await loadArrow(await world.table(name, "arrow"), `${name}.arrow`)) as R[];
}

/**
 * The tables the dictionary's KPIs read in a loader, as on the pages: daily_country, the flags' item
 * rows, and the cubes and time-to-action bins of every flag that answer the flag KPIs.
 */
export async function kpiTables(world: World, flagSampleRate: number) {
  const rows = (name: TableName) => publishedRows(world, name);
  return {
    daily_country: await rows("daily_country"),
    flags: await rows("flags"),
    flagSampleRate,
    flag_cubes: [await rows("flag_outcomes"), await rows("flag_mix")],
    flag_bins: await rows("tta_bins")
  };
}
