import {publishScience} from "../_publish.js";
await publishScience("events_sample.arrow");
