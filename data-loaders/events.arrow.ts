import {load} from "./_registry.js";
await load("events.arrow");
