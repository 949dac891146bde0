import {publishScience} from "../_publish.js";
await publishScience("core_day_metrics.arrow");
