-- Failed sign-ins move from one row per failure (counted, then inserted: two steps that
-- parallel attempts could interleave) to one counter row per key that an attempt locks.
-- Recent failures are not carried over: at worst a guesser gets one fresh window.
DROP TABLE "SignInFailure";

-- CreateTable
CREATE TABLE "SignInCounter" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastFailureAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SignInCounter_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "SignInCounter_lastFailureAt_idx" ON "SignInCounter"("lastFailureAt");
