import type { AnalyticsStore } from "@/lib/analytics/analytics-store";

// The ClickHouse engine (ANALYTICS_ENGINE=clickhouse): assembled from its client, writer and
// queries as they land.

export function createClickHouseStore(): AnalyticsStore {
  throw new Error("the ClickHouse analytics engine is not available in this build yet");
}
