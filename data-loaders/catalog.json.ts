import {tableFromIPC} from "apache-arrow";
import {parseConfig, parsePrivacy} from "../src/config.js";
import {SCHEMAS, type TableName} from "../src/io/contracts.js";
import {sampleRate} from "../src/world/tables.js";
import {CSV_TABLES, tableBytes} from "./_publish.js";

/** Every published table's rows and file sizes and the world's configuration, for the dictionary and datasets pages. */
try {
  const config = parseConfig(process.env);
  const tables = (Object.keys(SCHEMAS) as TableName[]).map((name) => {
    const arrow = tableBytes(config, name, "arrow");
    return {name, rows: tableFromIPC(arrow).numRows, arrowBytes: arrow.byteLength, csvBytes: CSV_TABLES.includes(name) ? tableBytes(config, name, "csv").byteLength : null};
  });
  const daily = tableFromIPC(tableBytes(config, "daily_country", "arrow"));
  const flagsSimulated = (daily.getChild("reports")!.toArray() as Int32Array).reduce((a, b) => a + b, 0);
  process.stdout.write(JSON.stringify({seed: config.seed, scale: config.scale, privacy: parsePrivacy(process.env).enabled, flagsSimulated, sampleRate: sampleRate(config.scale), tables}, null, 2));
} catch (error) {
  process.stderr.write(`loader catalog.json failed: ${(error as Error).message}\n`);
  process.exit(1);
}
