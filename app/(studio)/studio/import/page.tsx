import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/session";
import { ArchiveImportForm } from "@/components/studio/import-forms";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Import a course" };

export default async function ImportPage() {
  await requireRole(["INSTRUCTOR", "ADMIN"], "/studio/import");
  return (
    <div className="space-y-6">
      <p className="text-sm"><Link href="/studio">Studio</Link> › Import</p>
      <h1 className="text-3xl font-bold">Import a course archive</h1>
      <p>The whole course is imported in one transaction: if anything is wrong, nothing is written and every problem is listed.</p>
      <Card><ArchiveImportForm /></Card>
    </div>
  );
}
