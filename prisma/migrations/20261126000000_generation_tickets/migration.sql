-- CreateTable
CREATE TABLE "GenerationTicket" (
    "id" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "GenerationTicket_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "GenerationTicket_subject_startedAt_idx" ON "GenerationTicket"("subject", "startedAt");

