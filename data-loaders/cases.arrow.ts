import {publish} from "./_publish.js";
await publish("cases", "arrow");
