import { defineConfig } from "prisma/config";

// Used by `prisma generate` (offline) and, where Prisma's native engine can be had,
// `prisma migrate deploy`. The app applies prisma/migrations itself at start (lib/db/migrate.ts).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgres://localhost/ministat" },
});
