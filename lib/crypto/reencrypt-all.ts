import { getPool } from "@/lib/db/pool";
import { decryptField, encryptField, isStale } from "./field-encryption";

// Key rotation, step 2: after a new key version is added to ENCRYPTION_KEYS (new writes
// already use it), rewrite every value still encrypted with an older key. Safe to re-run.

export const ENCRYPTED_COLUMNS = [
  { table: "users", key: "id", column: "email_encrypted" },
  { table: "verification_tokens", key: "token", column: "identifier_encrypted" },
  { table: "email_change_requests", key: "id", column: "new_email_encrypted" },
  { table: "mails", key: "id", column: "payload" },
  { table: "support_threads", key: "id", column: "email_encrypted" },
  { table: "support_threads", key: "id", column: "subject_encrypted" },
  { table: "support_threads", key: "id", column: "site_encrypted" },
  { table: "support_messages", key: "id", column: "body_encrypted" },
  { table: "report_subscriptions", key: "id", column: "email_encrypted" },
] as const;

export async function reencryptAll(batchSize = 500): Promise<Record<string, number>> {
  const pool = getPool();
  const counts: Record<string, number> = {};
  for (const { table, key, column } of ENCRYPTED_COLUMNS) {
    const name = `${table}.${column}`;
    counts[name] = 0;
    let after = "";
    for (;;) {
      const { rows } = await pool.query<{ k: string; v: string | null }>(
        `SELECT "${key}" AS k, "${column}" AS v FROM "${table}" WHERE "${key}" > $1 ORDER BY "${key}" LIMIT $2`,
        [after, batchSize],
      );
      if (rows.length === 0) break;
      for (const row of rows) {
        if (row.v === null || !isStale(row.v)) continue;
        const updated = await pool.query(`UPDATE "${table}" SET "${column}" = $1 WHERE "${key}" = $2 AND "${column}" = $3`, [
          encryptField(decryptField(row.v)),
          row.k,
          row.v,
        ]);
        counts[name] += updated.rowCount ?? 0; // 0 when the value changed meanwhile
      }
      after = rows[rows.length - 1]!.k;
    }
  }
  return counts;
}
