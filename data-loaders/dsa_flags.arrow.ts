import {publish} from "./_publish.js";
await publish("dsa_flags", "arrow");
