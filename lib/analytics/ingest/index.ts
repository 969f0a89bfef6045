// The ingestion pipeline's public surface, for lib/server (wiring), jobs and the benchmark.
export { handleEventRequest } from "./handle-event-request";
export { drainIngestion, startIngestion } from "./lifecycle";
export { rotateSalts } from "./salts";
export { setClock, resetClock } from "./clock";
export { setFlushListener } from "@/lib/analytics/store/flush-listener";
export { getIngestionStats, type IngestionStats } from "@/lib/analytics/store/stats";
export type { FlushKey } from "@/lib/analytics/store/types";
