-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('customer', 'staff');

-- CreateEnum
CREATE TYPE "SupportThreadStatus" AS ENUM ('open', 'waiting', 'closed');

-- CreateEnum
CREATE TYPE "SupportMessageDirection" AS ENUM ('customer', 'staff', 'note');

-- CreateEnum
CREATE TYPE "ReportFrequency" AS ENUM ('weekly', 'monthly');

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "role" "UserRole" NOT NULL DEFAULT 'customer';

-- CreateTable
CREATE TABLE "support_threads" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "user_id" TEXT,
    "email_encrypted" TEXT NOT NULL,
    "email_index" TEXT NOT NULL,
    "subject_encrypted" TEXT NOT NULL,
    "site_encrypted" TEXT,
    "status" "SupportThreadStatus" NOT NULL DEFAULT 'open',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_message_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "support_threads_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "support_messages" (
    "id" TEXT NOT NULL,
    "thread_id" TEXT NOT NULL,
    "direction" "SupportMessageDirection" NOT NULL,
    "channel" TEXT NOT NULL,
    "body_encrypted" TEXT NOT NULL,
    "author_id" TEXT,
    "mail_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "support_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_subscriptions" (
    "id" TEXT NOT NULL,
    "site_id" TEXT NOT NULL,
    "frequency" "ReportFrequency" NOT NULL,
    "email_encrypted" TEXT NOT NULL,
    "email_index" TEXT NOT NULL,
    "confirmed_at" TIMESTAMP(3),
    "confirm_token_hash" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "report_subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_deliveries" (
    "subscription_id" TEXT NOT NULL,
    "period_start" DATE NOT NULL,
    "mail_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "report_deliveries_pkey" PRIMARY KEY ("subscription_id","period_start")
);

-- CreateTable
CREATE TABLE "traffic_alerts" (
    "site_id" TEXT NOT NULL,
    "threshold" INTEGER NOT NULL,
    "last_sent_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "traffic_alerts_pkey" PRIMARY KEY ("site_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "support_threads_reference_key" ON "support_threads"("reference");

-- CreateIndex
CREATE INDEX "support_threads_email_index_idx" ON "support_threads"("email_index");

-- CreateIndex
CREATE INDEX "support_threads_user_id_idx" ON "support_threads"("user_id");

-- CreateIndex
CREATE INDEX "support_threads_status_last_message_at_idx" ON "support_threads"("status", "last_message_at");

-- CreateIndex
CREATE INDEX "support_messages_thread_id_created_at_idx" ON "support_messages"("thread_id", "created_at");

-- CreateIndex
CREATE INDEX "support_messages_mail_id_idx" ON "support_messages"("mail_id");

-- CreateIndex
CREATE UNIQUE INDEX "report_subscriptions_confirm_token_hash_key" ON "report_subscriptions"("confirm_token_hash");

-- CreateIndex
CREATE INDEX "report_subscriptions_email_index_idx" ON "report_subscriptions"("email_index");

-- CreateIndex
CREATE UNIQUE INDEX "report_subscriptions_site_id_frequency_email_index_key" ON "report_subscriptions"("site_id", "frequency", "email_index");

-- AddForeignKey
ALTER TABLE "support_threads" ADD CONSTRAINT "support_threads_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_messages" ADD CONSTRAINT "support_messages_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "support_threads"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_messages" ADD CONSTRAINT "support_messages_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_messages" ADD CONSTRAINT "support_messages_mail_id_fkey" FOREIGN KEY ("mail_id") REFERENCES "mails"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_subscriptions" ADD CONSTRAINT "report_subscriptions_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_deliveries" ADD CONSTRAINT "report_deliveries_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "report_subscriptions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_deliveries" ADD CONSTRAINT "report_deliveries_mail_id_fkey" FOREIGN KEY ("mail_id") REFERENCES "mails"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "traffic_alerts" ADD CONSTRAINT "traffic_alerts_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

