import {load} from "./_registry.js";
await load("calendar.arrow");
