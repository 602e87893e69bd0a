-- AlterTable
ALTER TABLE "LearningPath" ADD COLUMN     "shareToken" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "LearningPath_shareToken_key" ON "LearningPath"("shareToken");

