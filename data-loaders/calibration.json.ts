import {load} from "./_registry.js";
await load("calibration.json");
