import {publishScience} from "../_publish.js";
await publishScience("sql.json");
