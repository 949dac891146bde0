import {load} from "../_registry.js";
await load("science/core_user_day_week.arrow");
