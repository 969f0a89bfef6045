// npm run admin:grant -- someone@example.com   — give an account the staff role (/admin/support)
// npm run admin:revoke -- someone@example.com  — take it away
// Works on the database `npm start` uses (lib/db/script-database.ts), also while it runs.
process.env.NEXT_TELEMETRY_DISABLED = "1";
import { emailSchema } from "@/lib/account/schemas";
import { withScriptDatabase } from "@/lib/db/script-database";
import { setStaffRole } from "@/lib/support/staff-role";

const USAGE = "Usage: npm run admin:grant -- someone@example.com\n       npm run admin:revoke -- someone@example.com";

async function main(): Promise<number> {
  const [action, address, ...extra] = process.argv.slice(2);
  if ((action !== "grant" && action !== "revoke") || address === undefined || extra.length > 0) {
    console.error(USAGE);
    return 2;
  }
  const email = emailSchema.safeParse(address);
  if (!email.success) {
    console.error(`"${address}" is not an e-mail address.\n${USAGE}`);
    return 2;
  }
  const staff = action === "grant";
  const result = await withScriptDatabase(() => setStaffRole(email.data, staff));
  if (!result.ok) {
    console.error(`No account has the address ${email.data}. Nothing changed: the person must sign up first (or check the spelling).`);
    return 1;
  }
  console.log(staff ? `${email.data} is now staff: the support inbox is at /admin/support.` : `${email.data} is no longer staff.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`admin:${process.argv[2] ?? "?"} failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
