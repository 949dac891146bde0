import {publishScience} from "../_publish.js";
await publishScience("core_user_day.arrow");
