-- AlterTable
ALTER TABLE "Lesson" ADD COLUMN     "activities" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "publishedActivities" TEXT;

