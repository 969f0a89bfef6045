import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { isStaff } from "@/lib/support/staff-role";
import { newAccount, uniqueAddress } from "./helpers/support-desk";

// `npm run admin:grant -- <email>` / `admin:revoke`, run as an operator runs them: a separate
// process through npm, on the database and secrets of the app (here: the test database).

const run = promisify(execFile);

async function npmRun(script: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("npm", ["run", "--silent", script, "--", ...args], { env: process.env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

describe("npm run admin:grant / admin:revoke", () => {
  it("grants and revokes the staff role by address", async () => {
    const person = await newAccount("operator");
    const granted = await npmRun("admin:grant", person.email.toUpperCase());
    expect(granted, granted.stderr).toMatchObject({ code: 0 });
    expect(granted.stdout).toContain("is now staff");
    expect(await isStaff(person.userId)).toBe(true);

    const revoked = await npmRun("admin:revoke", person.email);
    expect(revoked, revoked.stderr).toMatchObject({ code: 0 });
    expect(revoked.stdout).toContain("is no longer staff");
    expect(await isStaff(person.userId)).toBe(false);
  }, 120_000);

  it("exits non-zero with a clear message for an address without an account, or no address", async () => {
    const nobody = uniqueAddress("nobody");
    const missing = await npmRun("admin:grant", nobody);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`No account has the address ${nobody}`);

    const usage = await npmRun("admin:grant");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("Usage: npm run admin:grant -- someone@example.com");

    const invalid = await npmRun("admin:revoke", "not-an-address");
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('"not-an-address" is not an e-mail address');
  }, 120_000);
});
