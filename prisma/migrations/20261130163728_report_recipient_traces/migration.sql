-- CreateTable
CREATE TABLE "report_recipient_traces" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "site_id" TEXT,
    "frequency" "ReportFrequency",
    "email_index" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "report_recipient_traces_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "report_recipient_traces_email_index_kind_created_at_idx" ON "report_recipient_traces"("email_index", "kind", "created_at");

-- CreateIndex
CREATE INDEX "report_recipient_traces_user_id_kind_created_at_idx" ON "report_recipient_traces"("user_id", "kind", "created_at");

-- AddForeignKey
ALTER TABLE "report_recipient_traces" ADD CONSTRAINT "report_recipient_traces_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

