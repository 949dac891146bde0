import {load} from "./_registry.js";
await load("catalog.json");
