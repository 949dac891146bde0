import {parseConfig} from "../src/config.js";
import {derivedBytes} from "./_publish.js";

/** Decisions checked against ground truth per moderator session, for the moderator page's QA pass rate. */
try {
  process.stdout.write(await derivedBytes(parseConfig(process.env), "session_qa.arrow"));
} catch (error) {
  process.stderr.write(`loader session_qa.arrow failed: ${(error as Error).message}\n`);
  process.exit(1);
}
