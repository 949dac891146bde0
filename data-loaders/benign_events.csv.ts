import {load} from "./_registry.js";
await load("benign_events.csv");
