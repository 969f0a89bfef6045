import { Spool, type SpoolOptions } from "@/lib/analytics/spool/spool";
import { attachSpool } from "./flusher";
import { replaySpool, type ReplayResult } from "./replay-spool";

// The spool's life in the app: opened at start, after replaying what an earlier run
// accepted but did not commit; closed at shutdown once the buffer is written (whatever is
// still unwritten then stays on disk for the next start).

let spool: Spool | null = null;

export async function startSpool(dir: string, options: SpoolOptions): Promise<ReplayResult> {
  const opened = Spool.open(dir, options);
  const replay = await replaySpool(dir, opened.id);
  opened.keepUntilCommitted(replay.kept);
  attachSpool(opened, replay.lastSeq + 1);
  spool = opened;
  return replay;
}

export async function stopSpool(): Promise<void> {
  const closing = spool;
  spool = null;
  if (closing === null) return;
  attachSpool(null);
  await closing.close();
}
