import {load} from "./_registry.js";
await load("item_view_days.arrow");
