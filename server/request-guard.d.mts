export interface Refusal {
  status: number;
  message: string;
  headers?: Record<string, string>;
}
export const BODY_LIMITS: { auth: number; cspReport: number; studio: number; default: number };
export function bodyLimitFor(method: string, pathname: string): number;
export const MAX_URL_LENGTH: number;
export function pathOf(url: string | undefined): string;
export function refusalFor(req: { method: string; url: string; headers: Record<string, string | string[] | undefined> }): Refusal | null;
export function clientAddress(p: { forwardedFor?: string | string[]; socketAddress?: string; hops: number }): string;
export function isActionJsonRequest(method: string | undefined, headers: Record<string, string | string[] | undefined>): boolean;
export function actionBodyProblem(text: string): string | null;
export function isActionMultipartRequest(method: string | undefined, headers: Record<string, string | string[] | undefined>): boolean;
export function multipartProblem(contentType: string | undefined, body: Buffer): string | null;
export const SECURITY_HEADERS: Record<string, string>;
export const FALLBACK_CSP: string;
export const BREAKER_KEY: unique symbol;
export const RETRY_AFTER_SECONDS: number;
export function breakerOpen(breaker: { openUntil: number } | undefined, now: number): boolean;
export function bypassesBreaker(pathname: string): boolean;
