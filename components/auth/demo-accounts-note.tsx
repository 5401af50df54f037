import { Card } from "@/components/ui/card";

// The development sign-in page's hint at the demo accounts: emails only. The passwords were printed
// in the terminal when the demo was created and are stored nowhere the page could read them.
export function DemoAccountsNote({ accounts }: { accounts: { role: string; email: string }[] }) {
  if (!accounts.length) return null;
  return (
    <Card className="text-sm">
      <h2 className="mb-2 font-semibold">Demo accounts (development only)</h2>
      <ul className="space-y-1">
        {accounts.map((d) => (
          <li key={d.email}>
            <span className="font-medium">{d.role.toLowerCase()}</span>: <code>{d.email}</code>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        Their passwords were printed once in the terminal that loaded the demo; <code>npm run demo:reset</code> makes new ones.
      </p>
    </Card>
  );
}
