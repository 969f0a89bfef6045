-- CreateTable
CREATE TABLE "analytics_copies" (
    "site_id" TEXT NOT NULL,
    "engine" TEXT NOT NULL,
    "last_visit_id" BIGINT,
    "visits" BIGINT NOT NULL DEFAULT 0,
    "events" BIGINT NOT NULL DEFAULT 0,
    "finished_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "analytics_copies_pkey" PRIMARY KEY ("site_id","engine")
);

-- AddForeignKey
ALTER TABLE "analytics_copies" ADD CONSTRAINT "analytics_copies_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

