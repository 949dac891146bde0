import {publish} from "./_publish.js";
await publish("daily_country", "arrow");
