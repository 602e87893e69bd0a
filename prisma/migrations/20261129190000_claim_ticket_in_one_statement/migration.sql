-- Running tickets of a subject are found over this index alone (subject, then
-- "finishedAt" IS NULL, then the start time), however many finished ones the day holds.
CREATE INDEX "GenerationTicket_subject_finishedAt_startedAt_idx" ON "GenerationTicket"("subject", "finishedAt", "startedAt");

-- Claims a generation ticket in one statement (lib/db/generation-tickets.ts says why).
-- Each query in a plpgsql function takes a fresh snapshot, so once the subject's lock
-- is held the counts see every ticket committed by the claim that held it before.
-- Counting stops at the limit (LIMIT), so a claim costs the same at 10 or 100,000
-- tickets a day. The lock is per subject: other subjects' claims never wait for it.
CREATE FUNCTION "claim_generation_ticket"(
    "claimSubject" TEXT,
    "ticketId" TEXT,
    "claimedAt" TIMESTAMP(3),
    "perDay" INTEGER,
    "concurrent" INTEGER,
    "staleBefore" TIMESTAMP(3)
) RETURNS TABLE ("granted" BOOLEAN, "refusedBy" TEXT, "usedToday" INTEGER, "freedFrom" TIMESTAMP(3))
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    "running" INTEGER;
    "today" INTEGER := 0;
    "oldestCounted" TIMESTAMP(3);
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended("claimSubject", 0));
    SELECT count(*) INTO "running" FROM (
        SELECT 1 FROM "GenerationTicket" AS t
        WHERE t."subject" = "claimSubject" AND t."finishedAt" IS NULL
          AND t."startedAt" >= "staleBefore"
        LIMIT "concurrent"
    ) AS counted;
    IF "running" >= "concurrent" THEN
        RETURN QUERY SELECT false, 'concurrent'::TEXT, 0, NULL::TIMESTAMP(3);
        RETURN;
    END IF;
    IF "perDay" IS NOT NULL THEN
        -- The newest "perDay" tickets of the last day: the oldest of them leaves the
        -- window first, freeing a place.
        SELECT count(*), min(c."startedAt") INTO "today", "oldestCounted" FROM (
            SELECT t."startedAt" FROM "GenerationTicket" AS t
            WHERE t."subject" = "claimSubject" AND t."startedAt" >= "claimedAt" - INTERVAL '1 day'
            ORDER BY t."startedAt" DESC
            LIMIT "perDay"
        ) AS c;
        IF "today" >= "perDay" THEN
            RETURN QUERY SELECT false, 'daily'::TEXT, "today", "oldestCounted";
            RETURN;
        END IF;
    END IF;
    INSERT INTO "GenerationTicket" ("id", "subject", "startedAt")
    VALUES ("ticketId", "claimSubject", "claimedAt");
    RETURN QUERY SELECT true, NULL::TEXT, "today" + 1, NULL::TIMESTAMP(3);
END
$$;
