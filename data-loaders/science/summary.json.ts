import {publishScience} from "../_publish.js";
await publishScience("summary.json");
