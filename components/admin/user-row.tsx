"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { changeRoleAction, setDisabledAction } from "@/lib/actions/admin";

interface Props {
  user: { id: string; email: string; name: string; role: string; disabled: boolean };
  self: boolean;
}

export function UserRow({ user, self }: Props) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = (fn: () => Promise<{ ok: boolean; message?: string }>) =>
    start(async () => {
      const r = await fn();
      if (!r.ok) setError(r.message ?? "That did not work.");
      else (setError(null), router.refresh());
    });
  return (
    <tr className="border-b border-slate-200 dark:border-slate-800">
      <td className="py-2 pr-4">{user.name}</td>
      <td className="py-2 pr-4">{user.email}</td>
      <td className="py-2 pr-4">
        <label className="sr-only" htmlFor={`role-${user.id}`}>
          Role of {user.name}
        </label>
        <select
          id={`role-${user.id}`}
          defaultValue={user.role}
          disabled={self || pending}
          onChange={(e) => run(() => changeRoleAction({ userId: user.id, role: e.target.value }))}
          className="rounded border border-slate-400 px-2 py-1 dark:bg-slate-900"
        >
          <option value="LEARNER">Learner</option>
          <option value="INSTRUCTOR">Instructor</option>
          <option value="ADMIN">Admin</option>
        </select>
      </td>
      <td className="py-2 pr-4">
        <span className="mr-2">{user.disabled ? "Disabled" : "Active"}</span>
        {!self ? (
          <button
            type="button"
            disabled={pending}
            onClick={() => run(() => setDisabledAction({ userId: user.id, disabled: !user.disabled }))}
            className="rounded border border-slate-400 px-2 py-1"
          >
            {user.disabled ? `Enable ${user.name}` : `Disable ${user.name}`}
          </button>
        ) : (
          <span className="text-slate-600 dark:text-slate-400">(you)</span>
        )}
        {error ? (
          <span role="alert" className="ml-2 text-red-700">
            {error}
          </span>
        ) : null}
      </td>
    </tr>
  );
}
