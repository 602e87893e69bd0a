-- AlterTable
ALTER TABLE "LearningPath" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "LearningPathVersion" (
    "id" TEXT NOT NULL,
    "pathId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "path" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LearningPathVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LearningPathVersion_pathId_number_key" ON "LearningPathVersion"("pathId", "number");

-- AddForeignKey
ALTER TABLE "LearningPathVersion" ADD CONSTRAINT "LearningPathVersion_pathId_fkey" FOREIGN KEY ("pathId") REFERENCES "LearningPath"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every path saved before versions existed gets its version 1: the path as it is now.
INSERT INTO "LearningPathVersion" ("id", "pathId", "number", "kind", "summary", "path", "createdAt")
SELECT 'v1-' || "id", "id", 1, 'generated', 'Generated', "path", "createdAt" FROM "LearningPath";
