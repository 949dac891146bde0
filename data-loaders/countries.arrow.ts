// The world's geography: the simulated countries, their region, user share and UTC offset.
import {tableFromArrays, tableToIPC} from "apache-arrow";
import {COUNTRIES} from "../src/core/constants.js";

const table = tableFromArrays({
  code: COUNTRIES.map((c) => c.code),
  name: COUNTRIES.map((c) => c.name),
  region: COUNTRIES.map((c) => c.region),
  user_share: Float64Array.from(COUNTRIES, (c) => c.userShare),
  utc_offset: Float64Array.from(COUNTRIES, (c) => c.utcOffset)
});

process.stdout.write(tableToIPC(table, "file"));
