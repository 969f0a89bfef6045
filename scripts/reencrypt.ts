// npm run keys:rotate — re-encrypt personal fields written with an older key (see README, "Key rotation").
process.env.NEXT_TELEMETRY_DISABLED = "1";
import { loadLocalSecrets } from "@/lib/config/local-secrets";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { closePool } from "@/lib/db/pool";
import { reencryptAll } from "@/lib/crypto/reencrypt-all";

const dataDir = process.env.DATA_DIR ?? ".data";
loadLocalSecrets(dataDir);
const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir, port: Number(process.env.EMBEDDED_PG_PORT ?? 54329) });
if (embedded) process.env.DATABASE_URL = embedded.url;
try {
  const counts = await reencryptAll();
  console.log(`Re-encrypted with the newest key: ${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(", ")}`);
} finally {
  await closePool();
  await embedded?.stop();
}
