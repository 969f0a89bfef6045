// GET /api/v1/stats/aggregate — totals for a period, with the change against the previous one (Stats API, Bearer key)
import { handleAggregate } from "@/lib/api-keys/stats-aggregate";
import { withApiKey } from "@/lib/api-keys/with-api-key";

export const GET = withApiKey(handleAggregate);
