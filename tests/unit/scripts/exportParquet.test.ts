import {describe, expect, it} from "vitest";
import {parquetCopySql} from "../../../scripts/exportParquet.js";

describe("parquetCopySql(table, columns, csv, parquet)", () => {
  it("reads the CSV strictly with every column typed by the contract, in file order, and writes Parquet", () => {
    expect(parquetCopySql("appeals", ["flag_id", "appeal_ts", "overturned"], "/x/.appeals.csv", "/x/appeals.parquet")).toBe(
      "COPY (SELECT * FROM read_csv('/x/.appeals.csv', header=true, auto_detect=false, delim=',', quote='\"', escape='\"', strict_mode=true, " +
        "columns={'flag_id': 'BIGINT', 'appeal_ts': 'TIMESTAMPTZ', 'overturned': 'BOOLEAN'})) TO '/x/appeals.parquet' (FORMAT parquet, COMPRESSION zstd)"
    );
  });

  it("types floats DOUBLE, dates DATE and text VARCHAR, and quotes a path's apostrophe", () => {
    const sql = parquetCopySql("reviewers", ["reviewer_id", "first_day", "accuracy"], "/tmp/o'brien/.reviewers.csv", "/tmp/o'brien/reviewers.parquet");
    expect(sql).toContain("columns={'reviewer_id': 'VARCHAR', 'first_day': 'DATE', 'accuracy': 'DOUBLE'}");
    expect(sql).toContain("read_csv('/tmp/o''brien/.reviewers.csv'");
    expect(sql).toContain("TO '/tmp/o''brien/reviewers.parquet'");
  });

  it("refuses a column the contract's table does not have, and a table it does not know", () => {
    expect(() => parquetCopySql("appeals", ["flag_id", "note"], "a.csv", "a.parquet")).toThrow("export: appeals has no column note");
    expect(() => parquetCopySql("things", ["id"], "a.csv", "a.parquet")).toThrow("unknown import table: things");
  });
});
