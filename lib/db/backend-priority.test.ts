import { describe, expect, it } from "vitest";
import { isLocalDatabase } from "./backend-priority";

describe("isLocalDatabase", () => {
  it("knows a Postgres on this machine from a remote one", () => {
    expect(isLocalDatabase("postgres://postgres:pw@127.0.0.1:54329/ministat")).toBe(true);
    expect(isLocalDatabase("postgres://u@localhost/db")).toBe(true);
    expect(isLocalDatabase("postgres://u@[::1]:5432/db")).toBe(true);
    expect(isLocalDatabase("postgres://u@%2Fvar%2Frun%2Fpostgresql/db")).toBe(true);
    expect(isLocalDatabase("postgres:///db?host=/var/run/postgresql")).toBe(true);
    expect(isLocalDatabase("postgres://u@db.example.com:5432/db")).toBe(false);
    expect(isLocalDatabase("postgres://u@10.0.0.5/db")).toBe(false);
    expect(isLocalDatabase("not a url")).toBe(false);
  });
});
