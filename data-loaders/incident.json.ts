import {load} from "./_registry.js";
await load("incident.json");
