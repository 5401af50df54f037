import "server-only";
// Uploaded files (figures, images) behind a small interface, so that a deployment with several app
// servers can swap the local folder for object storage without touching callers.
import { createHash } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { readEnv } from "@/lib/env";

export interface Storage {
  put(bytes: Uint8Array | string): Promise<string>;
  get(key: string): Promise<Buffer | null>;
  remove(key: string): Promise<void>;
}

const KEY = /^[a-f0-9]{64}$/;

/** Content-addressed files under DATA_DIR/uploads: the key is the SHA-256 of the bytes. */
export function localStorage(root = path.resolve(readEnv().DATA_DIR, "uploads")): Storage {
  const file = (key: string) => path.join(root, key.slice(0, 2), key);
  return {
    async put(bytes) {
      const buf = typeof bytes === "string" ? Buffer.from(bytes, "utf8") : Buffer.from(bytes);
      const key = createHash("sha256").update(buf).digest("hex");
      await mkdir(path.dirname(file(key)), { recursive: true });
      await writeFile(file(key), buf);
      return key;
    },
    async get(key) {
      if (!KEY.test(key)) return null;
      try {
        return await readFile(file(key));
      } catch {
        return null;
      }
    },
    async remove(key) {
      if (KEY.test(key)) await rm(file(key), { force: true });
    },
  };
}

let current: Storage | undefined;
export function storage(): Storage {
  current ??= localStorage();
  return current;
}
