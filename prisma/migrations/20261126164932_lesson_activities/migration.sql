-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Lesson" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT NOT NULL,
    "moduleId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "order" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "publishedTitle" TEXT,
    "publishedBody" TEXT,
    "publishedVersion" INTEGER,
    "publishedAt" DATETIME,
    "wordCount" INTEGER NOT NULL DEFAULT 0,
    "activities" TEXT NOT NULL DEFAULT '[]',
    "publishedActivities" TEXT,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Lesson_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Lesson_moduleId_fkey" FOREIGN KEY ("moduleId") REFERENCES "Module" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Lesson" ("archivedAt", "body", "courseId", "createdAt", "id", "moduleId", "order", "publishedAt", "publishedBody", "publishedTitle", "publishedVersion", "slug", "title", "updatedAt", "version", "wordCount") SELECT "archivedAt", "body", "courseId", "createdAt", "id", "moduleId", "order", "publishedAt", "publishedBody", "publishedTitle", "publishedVersion", "slug", "title", "updatedAt", "version", "wordCount" FROM "Lesson";
DROP TABLE "Lesson";
ALTER TABLE "new_Lesson" RENAME TO "Lesson";
CREATE INDEX "Lesson_moduleId_order_idx" ON "Lesson"("moduleId", "order");
CREATE UNIQUE INDEX "Lesson_courseId_slug_key" ON "Lesson"("courseId", "slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

