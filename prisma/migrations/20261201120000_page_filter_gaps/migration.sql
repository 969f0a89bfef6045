-- CreateTable
CREATE TABLE "page_filter_gaps" (
    "site_id" TEXT NOT NULL,
    "day" DATE NOT NULL,

    CONSTRAINT "page_filter_gaps_pkey" PRIMARY KEY ("site_id","day")
);

-- AddForeignKey
ALTER TABLE "page_filter_gaps" ADD CONSTRAINT "page_filter_gaps_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;
