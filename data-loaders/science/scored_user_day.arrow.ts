import {load} from "../_registry.js";
await load("science/scored_user_day.arrow");
