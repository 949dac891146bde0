import {publish} from "./_publish.js";
await publish("session_sample", "arrow");
