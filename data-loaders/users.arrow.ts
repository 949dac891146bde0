import {publish} from "./_publish.js";
await publish("users", "arrow");
