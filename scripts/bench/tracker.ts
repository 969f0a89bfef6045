import { buildTracker } from "../build-tracker";
import { TARGETS } from "./targets";

// (c) Tracker size: both variants built in memory exactly as `npm run build:tracker`
// builds them (esbuild + terser), gzipped at level 9.

export type TrackerResult = Array<{ name: string; bytes: number; gzipBytes: number; targetGzipBytes: number }>;

export async function benchTracker(): Promise<TrackerResult> {
  const builds = await buildTracker({ write: false });
  return builds.map(({ name, bytes, gzipBytes }) => ({
    name,
    bytes,
    gzipBytes,
    targetGzipBytes: name.includes("extended") ? TARGETS.trackerExtendedGzipBytes : TARGETS.trackerDefaultGzipBytes,
  }));
}
