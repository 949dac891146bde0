import {load} from "./_registry.js";
await load("wait_bins.arrow");
