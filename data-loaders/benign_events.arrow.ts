import {publish} from "./_publish.js";
await publish("benign_events", "arrow");
