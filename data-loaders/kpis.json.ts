import {load} from "./_registry.js";
await load("kpis.json");
