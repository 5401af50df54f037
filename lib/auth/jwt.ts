// Session tokens in NextAuth v4's own format (JWE, dir + A256GCM, key derived by HKDF), so NextAuth
// can issue them at sign-in. Stock NextAuth re-derives the key on every request; caching it is most of
// what makes our per-request session check cheap.
import hkdf from "@panva/hkdf";
import { EncryptJWT, jwtDecrypt, type JWTPayload } from "jose";
import { randomUUID } from "node:crypto";

const keys = new Map<string, Promise<Uint8Array>>();
function derivedKey(secret: string, salt = ""): Promise<Uint8Array> {
  const id = `${salt}\u0000${secret}`;
  let key = keys.get(id);
  if (!key) {
    key = hkdf("sha256", secret, salt, `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`, 32);
    keys.set(id, key);
  }
  return key;
}

export const SESSION_MAX_AGE = 30 * 24 * 60 * 60;

export async function encodeSessionToken(params: { token?: JWTPayload; secret: string; maxAge?: number; salt?: string }): Promise<string> {
  const { token = {}, secret, maxAge = SESSION_MAX_AGE, salt = "" } = params;
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT(token)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt()
    .setExpirationTime(now + maxAge)
    .setJti(randomUUID())
    .encrypt(await derivedKey(secret, salt));
}

/** The payload, or null for anything forged, tampered with, expired or malformed. */
export async function decodeSessionToken(params: { token?: string; secret: string; salt?: string }): Promise<JWTPayload | null> {
  const { token, secret, salt = "" } = params;
  if (!token) return null;
  try {
    const { payload } = await jwtDecrypt(token, await derivedKey(secret, salt), { clockTolerance: 15 });
    return payload;
  } catch {
    return null;
  }
}
