import {calibrationFigures} from "../src/world/calibration.js";
import {simulate} from "../src/world/simulate.js";
import {buildTables} from "../src/world/tables.js";

/** Prints the calibration figures for each seed given (default: 42 and 1–5) and how many hold. */
const seeds = process.argv.slice(2).map(Number);
for (const seed of seeds.length ? seeds : [42, 1, 2, 3, 4, 5]) {
  const figures = calibrationFigures(buildTables(simulate({seed, scale: 1})));
  console.log(`seed ${seed}: ${figures.filter((f) => f.pass).length}/${figures.length} hold`);
  for (const f of figures) console.log(`  ${f.pass ? "ok  " : "MISS"} ${String(f.id).padStart(2)} ${f.name}: ${f.value} (target ${f.target})`);
}
