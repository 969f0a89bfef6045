// Rollups: daily_stats and hourly_stats, kept fresh from visits and events.
export { markDirty, pendingSiteDays, refreshDirtyRollups, type DirtyKey, type RefreshResult } from "./dirty-days";
export { markDaysWithoutPageFilterRows, markRecentDaysDirty } from "./recover";
export { rebuildSiteRollups, type RebuildResult } from "./rebuild";
export { refreshDailyRollups } from "./refresh-daily";
export { refreshHourlyRollups } from "./refresh-hourly";
export { localDaysOfUtcDay } from "./local-days";
