import type { ClickHouse } from "./clickhouse";

// The ingestion spool's watermark in ClickHouse (table spool_marks): the highest seq whose
// events, and every one before them, are stored. Written after the rows it covers, so it may
// lag behind them after a crash (the writer copes: write-batch.ts), never run ahead.
// Rows only accumulate (ReplacingMergeTree by committed_seq): the largest one is the mark.

export async function readSpoolMark(ch: ClickHouse, spoolId: string): Promise<number> {
  const rows = await ch.query<{ seq: number | string }>(
    "SELECT max(committed_seq) AS seq FROM spool_marks WHERE spool_id = {spool:String}",
    { spool: spoolId },
  );
  return rows.length === 0 ? 0 : Number(rows[0]!.seq);
}

export async function writeSpoolMark(ch: ClickHouse, spoolId: string, seq: number): Promise<void> {
  await ch.insert("spool_marks", [{ spool_id: spoolId, committed_seq: seq }]);
}
