import {load} from "./_registry.js";
await load("tta_bins.arrow");
