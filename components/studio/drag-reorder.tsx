"use client";
// Reordering by drag and drop (mouse and touch-pad). The Move up / Move down buttons next to each
// module and lesson do the same from the keyboard; this list is the pointer's shortcut.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { reorderLessonsAction, reorderModulesAction } from "@/lib/actions/studio";
import { Alert } from "@/components/ui/card";
import { cn } from "@/lib/utils";

interface Props {
  kind: "modules" | "lessons";
  parentId: string;
  label: string;
  items: { id: string; title: string }[];
}

export function DragReorder({ kind, parentId, label, items }: Props) {
  const router = useRouter();
  const [order, setOrder] = useState(items);
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  // Follow the server's list when it changes (another reorder, a new lesson).
  const serverKey = items.map((i) => i.id).join(",");
  const [seenKey, setSeenKey] = useState(serverKey);
  if (serverKey !== seenKey) {
    setSeenKey(serverKey);
    setOrder(items);
  }

  function drop(targetId: string) {
    if (!dragging || dragging === targetId) return;
    const from = order.findIndex((i) => i.id === dragging);
    const to = order.findIndex((i) => i.id === targetId);
    const next = [...order];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved);
    setOrder(next);
    start(async () => {
      const action = kind === "modules" ? reorderModulesAction : reorderLessonsAction;
      const r = await action({ parentId, ids: next.map((i) => i.id) });
      if (!r.ok) {
        setError(r.message);
        setOrder(items);
      } else {
        setError(null);
        router.refresh();
      }
    });
  }

  return (
    <div className="space-y-1">
      <p className="text-sm font-medium" id={`dnd-${parentId}`}>
        {label} <span className="font-normal text-slate-600 dark:text-slate-400">(drag to reorder; the Move buttons do the same by keyboard)</span>
      </p>
      <ol className="space-y-1" aria-labelledby={`dnd-${parentId}`} aria-busy={pending}>
        {order.map((i, n) => (
          <li
            key={i.id}
            draggable
            data-testid={`drag-${i.id}`}
            onDragStart={(e) => {
              setDragging(i.id);
              e.dataTransfer.effectAllowed = "move";
              e.dataTransfer.setData("text/plain", i.id);
            }}
            onDragOver={(e) => {
              e.preventDefault();
              setOver(i.id);
            }}
            onDragLeave={() => setOver((o) => (o === i.id ? null : o))}
            onDrop={(e) => {
              e.preventDefault();
              setOver(null);
              drop(i.id);
              setDragging(null);
            }}
            onDragEnd={() => (setDragging(null), setOver(null))}
            className={cn(
              "flex cursor-grab items-center gap-2 rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900",
              dragging === i.id && "opacity-50",
              over === i.id && dragging !== i.id && "border-brand-600 ring-2 ring-brand-500",
            )}
          >
            <span aria-hidden="true">⠿</span>
            <span>
              {n + 1}. {i.title}
            </span>
          </li>
        ))}
      </ol>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
