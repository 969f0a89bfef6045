import { getPool } from "@/lib/db/pool";

// The ingestion spool's watermark: committed in the same transaction as the rows it covers
// (lib/analytics/store/write-batch.ts), so every event up to it is stored.

export async function readSpoolMark(spoolId: string): Promise<number> {
  const { rows } = await getPool().query<{ seq: string }>("SELECT committed_seq AS seq FROM ingest_spool_marks WHERE spool_id = $1", [spoolId]);
  return rows.length === 0 ? 0 : Number(rows[0]!.seq);
}
