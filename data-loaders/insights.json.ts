import {load} from "./_registry.js";
await load("insights.json");
