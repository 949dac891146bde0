import {publishScience} from "../_publish.js";
await publishScience("er.json");
