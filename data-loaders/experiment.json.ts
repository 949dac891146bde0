import {load} from "./_registry.js";
await load("experiment.json");
