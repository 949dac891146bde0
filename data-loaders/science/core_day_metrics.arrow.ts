import {scienceFile} from "../_science.js";
await scienceFile("core_day_metrics.arrow");
