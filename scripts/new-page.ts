import {writeFileSync} from "node:fs";
import {join, relative} from "node:path";
import {ROOT} from "./buildSteps.js";
import {planNewPage} from "./planNewPage.js";

/** npm run new-page -- <name> "<title>": copies docs/deep-dive-template.md and adds it to the sidebar. */
try {
  const [name, title] = process.argv.slice(2);
  const plan = planNewPage(ROOT, name, title);
  writeFileSync(plan.pagePath, plan.page);
  writeFileSync(join(ROOT, "observablehq.config.ts"), plan.config);
  console.log(`created ${relative(ROOT, plan.pagePath)} and added it to the sidebar under Deep dives.`);
  console.log(`next: npm run dev, then open http://127.0.0.1:3000/${name}`);
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  console.error('usage: npm run new-page -- <name> "<title>"');
  process.exit(1);
}
