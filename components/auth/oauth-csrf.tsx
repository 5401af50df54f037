"use client";
import { getCsrfToken } from "next-auth/react";
import { useEffect, useState } from "react";

/** The hidden csrfToken field NextAuth requires on a provider sign-in form. */
export function OAuthCsrfClient() {
  const [token, setToken] = useState("");
  useEffect(() => {
    void getCsrfToken().then((t) => setToken(t ?? ""));
  }, []);
  return <input type="hidden" name="csrfToken" value={token} />;
}
