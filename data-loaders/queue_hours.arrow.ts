import {load} from "./_registry.js";
await load("queue_hours.arrow");
