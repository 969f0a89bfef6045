import { getPool } from "@/lib/db/pool";
import { decryptField, encryptField, isStale } from "./field-encryption";

// Key rotation, step 2: after a new key version is added to ENCRYPTION_KEYS (new writes
// already use it), rewrite every value still encrypted with an older key. Safe to re-run.

export const ENCRYPTED_COLUMNS = [
  { table: "users", key: "id", column: "email_encrypted" },
  { table: "verification_tokens", key: "token", column: "identifier_encrypted" },
  { table: "email_change_requests", key: "id", column: "new_email_encrypted" },
  { table: "mails", key: "id", column: "payload" },
] as const;

export async function reencryptAll(batchSize = 500): Promise<Record<string, number>> {
  const pool = getPool();
  const counts: Record<string, number> = {};
  for (const { table, key, column } of ENCRYPTED_COLUMNS) {
    counts[table] = 0;
    let after = "";
    for (;;) {
      const { rows } = await pool.query<{ k: string; v: string }>(
        `SELECT "${key}" AS k, "${column}" AS v FROM "${table}" WHERE "${key}" > $1 ORDER BY "${key}" LIMIT $2`,
        [after, batchSize],
      );
      if (rows.length === 0) break;
      for (const row of rows) {
        if (!isStale(row.v)) continue;
        await pool.query(`UPDATE "${table}" SET "${column}" = $1 WHERE "${key}" = $2 AND "${column}" = $3`, [
          encryptField(decryptField(row.v)),
          row.k,
          row.v,
        ]);
        counts[table] += 1;
      }
      after = rows[rows.length - 1]!.k;
    }
  }
  return counts;
}
