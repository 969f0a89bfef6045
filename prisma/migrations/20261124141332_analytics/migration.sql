-- CreateTable
CREATE TABLE "sites" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'Etc/UTC',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sites_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "goals" (
    "id" TEXT NOT NULL,
    "site_id" TEXT NOT NULL,
    "event_name" TEXT,
    "page_path" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "goals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shared_links" (
    "id" TEXT NOT NULL,
    "site_id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "password_hash" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shared_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMP(3),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "salts" (
    "site_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "salt" BYTEA NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "salts_pkey" PRIMARY KEY ("site_id","day")
);

-- CreateTable
CREATE TABLE "events" (
    "id" BIGSERIAL NOT NULL,
    "site_id" TEXT NOT NULL,
    "ts" TIMESTAMPTZ(3) NOT NULL,
    "name" TEXT NOT NULL,
    "visitor_id" BIGINT NOT NULL,
    "visit_id" BIGINT NOT NULL,
    "pathname" TEXT NOT NULL,
    "props" JSONB,

    CONSTRAINT "events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "visits" (
    "site_id" TEXT NOT NULL,
    "visit_id" BIGINT NOT NULL,
    "visitor_id" BIGINT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3) NOT NULL,
    "entry_page" TEXT NOT NULL,
    "exit_page" TEXT NOT NULL,
    "pageviews" INTEGER NOT NULL,
    "events" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "referrer_host" TEXT,
    "channel" TEXT NOT NULL,
    "utm_source" TEXT,
    "utm_medium" TEXT,
    "utm_campaign" TEXT,
    "utm_content" TEXT,
    "utm_term" TEXT,
    "country" TEXT,
    "region" TEXT,
    "city" TEXT,
    "browser" TEXT NOT NULL,
    "os" TEXT NOT NULL,
    "device" TEXT NOT NULL,

    CONSTRAINT "visits_pkey" PRIMARY KEY ("site_id","visit_id")
);

-- CreateTable
CREATE TABLE "daily_stats" (
    "site_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "dimension" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "visitors" INTEGER NOT NULL,
    "visits" INTEGER NOT NULL,
    "pageviews" INTEGER NOT NULL,
    "bounces" INTEGER NOT NULL,
    "duration_sum" BIGINT NOT NULL,
    "events" INTEGER NOT NULL,

    CONSTRAINT "daily_stats_pkey" PRIMARY KEY ("site_id","dimension","day","value")
);

-- CreateTable
CREATE TABLE "hourly_stats" (
    "site_id" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(0) NOT NULL,
    "visitors" INTEGER NOT NULL,
    "visits" INTEGER NOT NULL,
    "pageviews" INTEGER NOT NULL,
    "bounces" INTEGER NOT NULL,
    "duration_sum" BIGINT NOT NULL,
    "events" INTEGER NOT NULL,

    CONSTRAINT "hourly_stats_pkey" PRIMARY KEY ("site_id","hour")
);

-- CreateIndex
CREATE UNIQUE INDEX "sites_domain_key" ON "sites"("domain");

-- CreateIndex
CREATE INDEX "sites_user_id_idx" ON "sites"("user_id");

-- CreateIndex
CREATE INDEX "goals_site_id_idx" ON "goals"("site_id");

-- CreateIndex
CREATE UNIQUE INDEX "shared_links_slug_key" ON "shared_links"("slug");

-- CreateIndex
CREATE INDEX "shared_links_site_id_idx" ON "shared_links"("site_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys"("key_hash");

-- CreateIndex
CREATE INDEX "api_keys_user_id_idx" ON "api_keys"("user_id");

-- CreateIndex
CREATE INDEX "events_site_id_ts_idx" ON "events"("site_id", "ts");

-- CreateIndex
CREATE INDEX "events_site_id_visit_id_idx" ON "events"("site_id", "visit_id");

-- CreateIndex
CREATE INDEX "visits_site_id_started_at_idx" ON "visits"("site_id", "started_at");

-- AddForeignKey
ALTER TABLE "sites" ADD CONSTRAINT "sites_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "goals" ADD CONSTRAINT "goals_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shared_links" ADD CONSTRAINT "shared_links_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "salts" ADD CONSTRAINT "salts_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "events" ADD CONSTRAINT "events_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visits" ADD CONSTRAINT "visits_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "daily_stats" ADD CONSTRAINT "daily_stats_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hourly_stats" ADD CONSTRAINT "hourly_stats_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

