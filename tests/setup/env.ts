import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { copyOfDatabaseUrl } from "./worker-database";

// Every integration test file sees a complete, valid environment pointing at its worker's test database.
process.env.MINISTAT_ENV = "test";
process.env.DATABASE_URL = await copyOfDatabaseUrl(inject("databaseUrl"), inject("adminDatabaseUrl"), `w${process.env.VITEST_POOL_ID ?? "1"}`);
process.env.AUTH_SECRET ??= randomBytes(32).toString("base64");
process.env.ENCRYPTION_KEYS ??= `1:${randomBytes(32).toString("base64")}`;
process.env.BLIND_INDEX_KEY ??= randomBytes(32).toString("base64");
process.env.MAIL_RETRY_DELAY_SECONDS ??= "1";
