import {publishScience} from "../_publish.js";
await publishScience("scored_user_day.arrow");
