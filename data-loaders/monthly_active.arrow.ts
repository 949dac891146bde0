import {publish} from "./_publish.js";
await publish("monthly_active", "arrow");
