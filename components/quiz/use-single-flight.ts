"use client";
import { useCallback, useRef, useTransition } from "react";

/**
 * A transition that runs one task at a time: a second click while a request is in flight is
 * ignored on the client (the server is idempotent anyway). Returns [pending, run].
 */
export function useSingleFlight(): [boolean, (task: () => Promise<void>) => void] {
  const [pending, start] = useTransition();
  const busy = useRef(false);
  const run = useCallback(
    (task: () => Promise<void>) => {
      if (busy.current) return;
      busy.current = true;
      start(async () => {
        try {
          await task();
        } finally {
          busy.current = false;
        }
      });
    },
    [start],
  );
  return [pending, run];
}
