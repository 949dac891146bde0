import {publishScience} from "../_publish.js";
await publishScience("core_users.arrow");
