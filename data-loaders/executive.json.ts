import {load} from "./_registry.js";
await load("executive.json");
