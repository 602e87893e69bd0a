-- AlterTable
ALTER TABLE "LearningPath" ADD COLUMN     "calendarToken" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "LearningPath_calendarToken_key" ON "LearningPath"("calendarToken");

