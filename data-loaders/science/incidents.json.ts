import {publishScience} from "../_publish.js";
await publishScience("incidents.json");
