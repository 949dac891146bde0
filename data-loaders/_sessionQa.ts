import type {WorkbookConfig} from "../src/config.js";
import {encodeArrow} from "../src/io/arrow.js";
import {SESSION_QA, sessionQa} from "../src/moderation/sessionQa.js";
import {simulate} from "../src/world/simulate.js";
import {buildTables} from "../src/world/tables.js";
import {publishOptions} from "./_publish.js";

/** session_qa.arrow: decisions checked against ground truth per moderator session (the moderator page's QA pass rate). */
export function sessionQaArrow(config: WorkbookConfig): Uint8Array {
  return encodeArrow(SESSION_QA, sessionQa(buildTables(simulate(config), publishOptions())), null);
}
