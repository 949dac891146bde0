import {publishScience} from "../_publish.js";
await publishScience("event_counts.arrow");
