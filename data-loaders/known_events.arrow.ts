import {load} from "./_registry.js";
await load("known_events.arrow");
