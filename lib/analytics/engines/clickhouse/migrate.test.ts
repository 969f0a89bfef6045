import { describe, expect, it } from "vitest";
import { splitStatements } from "./migrate";

// How a migration file becomes statements. Applying them, once, on a real engine:
// tests/integration/clickhouse-client.test.ts.
describe("splitStatements", () => {
  it("splits at semicolons and drops comments and blank statements", () => {
    const sql = "-- header\nCREATE TABLE a (x UInt8) ENGINE = Memory; -- trailing\n\n/* block; comment */ DROP TABLE b;\n;\n";
    expect(splitStatements(sql)).toEqual(["CREATE TABLE a (x UInt8) ENGINE = Memory", "DROP TABLE b"]);
  });

  it("keeps a semicolon or -- inside quoted text and identifiers", () => {
    const sql = "SELECT 'a;b -- c', \"x;y\", `p--q` FROM t; SELECT 'it''s; \\' still -- text'";
    expect(splitStatements(sql)).toEqual(["SELECT 'a;b -- c', \"x;y\", `p--q` FROM t", "SELECT 'it''s; \\' still -- text'"]);
  });
});
