-- CreateTable
CREATE TABLE "ingest_spool_marks" (
    "spool_id" TEXT NOT NULL,
    "committed_seq" BIGINT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ingest_spool_marks_pkey" PRIMARY KEY ("spool_id")
);

