import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";
import { SignOutButton } from "./sign-out-button";

export async function SiteHeader() {
  const user = await getCurrentUser();
  const links: { href: string; label: string }[] = [{ href: "/courses", label: "Courses" }, { href: "/lab", label: "Gradient lab" }];
  if (user) links.unshift({ href: "/dashboard", label: "Dashboard" }), links.push({ href: "/review", label: "Review" });
  if (user && (user.role === "INSTRUCTOR" || user.role === "ADMIN")) links.push({ href: "/studio", label: "Studio" });
  if (user?.role === "ADMIN") links.push({ href: "/admin/users", label: "Admin" });
  return (
    <header className="border-b border-slate-200 bg-white/90 dark:border-slate-800 dark:bg-slate-950/90">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="text-lg font-bold text-brand-700 no-underline dark:text-brand-100">
          Paracrine
        </Link>
        <nav aria-label="Main" className="flex-1">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {links.map((l) => (
              <li key={l.href}>
                <Link href={l.href} className="text-slate-700 no-underline hover:text-brand-700 hover:underline dark:text-slate-200">
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="flex items-center gap-3 text-sm">
          {user ? (
            <>
              <Link href="/account" className="text-slate-700 dark:text-slate-200" aria-label={`Account settings for ${user.name}`}>
                {user.name}
              </Link>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/signin" className="text-slate-700 dark:text-slate-200">
                Sign in
              </Link>
              <Link href="/signup" className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white no-underline hover:bg-brand-700">
                Sign up
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
