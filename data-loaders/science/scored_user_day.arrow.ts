import {scienceFile} from "../_science.js";
await scienceFile("scored_user_day.arrow");
