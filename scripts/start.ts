// npm start / npm run dev — start MiniStat (and, without DATABASE_URL, its own Postgres).
// No telemetry from a privacy product: Next.js would otherwise report build and usage data.
process.env.NEXT_TELEMETRY_DISABLED = "1";
import { boot, describeBootError } from "@/lib/server/boot";

const dev = process.argv.includes("--dev");
if (!dev) (process.env as Record<string, string>).NODE_ENV = "production";

try {
  const app = await boot({ dev });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping (finishing writes, stopping Postgres) …`);
    await app.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
} catch (error) {
  console.error(describeBootError(error));
  process.exit(1);
}
