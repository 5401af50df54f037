-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "userAgent" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityPrediction" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "lessonId" TEXT NOT NULL,
    "activityKey" TEXT NOT NULL,
    "choice" INTEGER NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActivityPrediction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityPrediction_userId_lessonId_activityKey_key" ON "ActivityPrediction"("userId", "lessonId", "activityKey");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityPrediction" ADD CONSTRAINT "ActivityPrediction_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Backfill: first predictions already recorded as statements keep counting as the first.
INSERT INTO "ActivityPrediction" ("id", "userId", "lessonId", "activityKey", "choice", "correct", "createdAt")
SELECT 'm' || "id", "userId", split_part("objectId", '/', 1), substr("objectId", position('/' in "objectId") + 1),
       COALESCE((("context")::json ->> 'choice')::int, 0), COALESCE("resultSuccess", false), "timestamp"
FROM "Statement" WHERE "verb" = 'predicted' AND "context" LIKE '%"firstPrediction":true%' AND position('/' in "objectId") > 0
ON CONFLICT DO NOTHING;
