import {load} from "./_registry.js";
await load("moderator_sessions.arrow");
