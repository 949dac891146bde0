import {publishScience} from "../_publish.js";
await publishScience("dedup_groups.arrow");
