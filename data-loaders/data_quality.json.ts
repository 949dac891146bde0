import {load} from "./_registry.js";
await load("data_quality.json");
