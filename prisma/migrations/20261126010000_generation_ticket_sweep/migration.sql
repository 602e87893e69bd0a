-- CreateIndex
CREATE INDEX "GenerationTicket_startedAt_idx" ON "GenerationTicket"("startedAt");

