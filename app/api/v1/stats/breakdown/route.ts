// GET /api/v1/stats/breakdown — the values of one dimension with their metrics, paged (Stats API, Bearer key)
import { handleBreakdown } from "@/lib/api-keys/stats-breakdown";
import { withApiKey } from "@/lib/api-keys/with-api-key";

export const GET = withApiKey(handleBreakdown);
