import {parseConfig} from "../src/config.js";
import {encodeArrow} from "../src/io/arrow.js";
import {SESSION_QA, sessionQa} from "../src/moderation/sessionQa.js";
import {simulate} from "../src/world/simulate.js";
import {buildTables} from "../src/world/tables.js";
import {publishOptions} from "./_publish.js";

/** Decisions checked against ground truth per moderator session, for the moderator page's QA pass rate. */
try {
  const tables = buildTables(simulate(parseConfig(process.env)), publishOptions());
  process.stdout.write(encodeArrow(SESSION_QA, sessionQa(tables), null));
} catch (error) {
  process.stderr.write(`loader session_qa.arrow failed: ${(error as Error).message}\n`);
  process.exit(1);
}
