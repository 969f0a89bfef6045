// npm run keys:rotate — re-encrypt personal fields written with an older key (see README, "Key rotation").
// Works on the database `npm start` uses (lib/db/script-database.ts), also while it runs.
process.env.NEXT_TELEMETRY_DISABLED = "1";
import { reencryptAll } from "@/lib/crypto/reencrypt-all";
import { withScriptDatabase } from "@/lib/db/script-database";

const counts = await withScriptDatabase(() => reencryptAll());
console.log(`Re-encrypted with the newest key: ${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(", ")}`);
