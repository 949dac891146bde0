/**
 * `npm run bench:site [-- scale ...] [--dist <dir>]`: the site benchmark (bench/site.ts) at the given
 * scales (default 1), printed as bench/report.ts prints a run; --dist measures an existing build only.
 */
import {collectRun, formatReport} from "./report.js";
import {benchEmptyBuildOnce, benchSite, type SiteBench} from "./site.js";

const args = process.argv.slice(2);
const at = args.indexOf("--dist");
const dist = at >= 0 ? args.splice(at, 2)[1] : undefined;
const scales = args.length > 0 ? args.map(Number) : [1];
const emptyBuild = dist ? null : await benchEmptyBuildOnce();
const site: SiteBench[] = [];
for (const scale of scales) site.push(await benchSite(scale, {dist}));
console.log(formatReport(collectRun(scales, [], emptyBuild, site)));
