import {scienceFile} from "../_science.js";
await scienceFile("core_user_day.arrow");
