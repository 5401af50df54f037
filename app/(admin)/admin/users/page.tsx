import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/session";
import { listUsers } from "@/lib/data/admin";
import { UserRow } from "@/components/admin/user-row";

export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const admin = await requireRole(["ADMIN"], "/admin/users");
  const { q } = await searchParams;
  const users = await listUsers(admin, { query: q });
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Users</h1>
      <form role="search" className="flex max-w-md gap-2">
        <label htmlFor="q" className="sr-only">
          Search users
        </label>
        <input id="q" name="q" defaultValue={q} placeholder="Search by name or email" className="flex-1 rounded-md border border-slate-400 px-3 py-2 dark:bg-slate-900" />
        <button className="rounded-md border border-slate-400 px-3 py-2">Search</button>
      </form>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[40rem] text-sm">
          <caption className="sr-only">Accounts, newest first</caption>
          <thead>
            <tr className="border-b border-slate-300 text-left dark:border-slate-700">
              <th scope="col" className="py-2 pr-4">Name</th>
              <th scope="col" className="py-2 pr-4">Email</th>
              <th scope="col" className="py-2 pr-4">Role</th>
              <th scope="col" className="py-2 pr-4">Status</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <UserRow key={u.id} user={u} self={u.id === admin.id} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
