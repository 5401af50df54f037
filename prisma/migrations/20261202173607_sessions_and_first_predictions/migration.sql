-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "userAgent" TEXT,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ActivityPrediction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "lessonId" TEXT NOT NULL,
    "activityKey" TEXT NOT NULL,
    "choice" INTEGER NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ActivityPrediction_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityPrediction_userId_lessonId_activityKey_key" ON "ActivityPrediction"("userId", "lessonId", "activityKey");


-- Backfill: first predictions already recorded as statements keep counting as the first.
INSERT OR IGNORE INTO "ActivityPrediction" ("id", "userId", "lessonId", "activityKey", "choice", "correct", "createdAt")
SELECT 'm' || "id", "userId", substr("objectId", 1, instr("objectId", '/') - 1), substr("objectId", instr("objectId", '/') + 1),
       COALESCE(json_extract("context", '$.choice'), 0), COALESCE("resultSuccess", 0), "timestamp"
FROM "Statement" WHERE "verb" = 'predicted' AND "context" LIKE '%"firstPrediction":true%' AND instr("objectId", '/') > 0;
