import {parseConfig} from "../src/config.js";
import {sessionQaArrow} from "./_sessionQa.js";

/** Decisions checked against ground truth per moderator session, for the moderator page's QA pass rate. */
try {
  process.stdout.write(sessionQaArrow(parseConfig(process.env)));
} catch (error) {
  process.stderr.write(`loader session_qa.arrow failed: ${(error as Error).message}\n`);
  process.exit(1);
}
