-- AlterTable
ALTER TABLE "LearningPath" ADD COLUMN     "startDate" DATE;
