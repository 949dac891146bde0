import {publishScience} from "../_publish.js";
await publishScience("review_queue.arrow");
