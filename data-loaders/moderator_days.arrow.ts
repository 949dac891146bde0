import {load} from "./_registry.js";
await load("moderator_days.arrow");
