import {load} from "./_registry.js";
await load("config.json");
