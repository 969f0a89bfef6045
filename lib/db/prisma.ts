import { PrismaPg } from "@prisma/adapter-pg";
import { getEnv } from "@/lib/config/env";
import { PrismaClient } from "./generated/client";

// One Prisma client per process (kept on globalThis so Next's dev reloads reuse it).
const globalForPrisma = globalThis as unknown as { ministatPrisma?: PrismaClient };

export function getPrisma(): PrismaClient {
  globalForPrisma.ministatPrisma ??= new PrismaClient({
    adapter: new PrismaPg({ connectionString: getEnv().DATABASE_URL, max: 10 }),
  });
  return globalForPrisma.ministatPrisma;
}

export const prisma = new Proxy({} as PrismaClient, {
  get(_target, property) {
    return Reflect.get(getPrisma(), property);
  },
});

export type { PrismaClient };
export { Prisma } from "./generated/client";

export async function closePrisma(): Promise<void> {
  const client = globalForPrisma.ministatPrisma;
  globalForPrisma.ministatPrisma = undefined;
  await client?.$disconnect();
}
