import {publish} from "./_publish.js";
await publish("flag_mix", "arrow");
