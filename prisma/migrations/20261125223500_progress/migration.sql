-- AlterTable
ALTER TABLE "LearningPath" ADD COLUMN     "progress" JSONB NOT NULL DEFAULT '{}',
ALTER COLUMN "generationMs" DROP NOT NULL;

