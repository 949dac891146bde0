import {load} from "../_registry.js";
await load("science/core_day_metrics.arrow");
