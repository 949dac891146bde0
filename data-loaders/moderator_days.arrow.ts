import {publish} from "./_publish.js";
await publish("moderator_days", "arrow");
