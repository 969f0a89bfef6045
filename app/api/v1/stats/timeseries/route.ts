// GET /api/v1/stats/timeseries — one point per hour, day or month of a period (Stats API, Bearer key)
import { handleTimeseries } from "@/lib/api-keys/stats-timeseries";
import { withApiKey } from "@/lib/api-keys/with-api-key";

export const GET = withApiKey(handleTimeseries);
