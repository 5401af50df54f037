// The Content-Security-Policy for HTML responses. Scripts run only with this request's nonce (Next.js
// adds it to its own inline scripts when it finds the policy on the request); nothing may frame us.
export const CSP_REPORT_PATH = "/api/csp-report";
export const REPORTING_ENDPOINTS = `csp-endpoint="${CSP_REPORT_PATH}"`;

export function contentSecurityPolicy(nonce: string, opts: { dev: boolean }): string {
  const directives = [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    // KaTeX and React set inline style attributes; styles cannot run code.
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src 'self'${opts.dev ? " ws:" : ""}`,
    `worker-src 'self' blob:`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
    // Violations are reported to /api/csp-report (report-uri for older browsers, report-to for the
    // Reporting API, whose endpoint is named in the Reporting-Endpoints header).
    `report-uri ${CSP_REPORT_PATH}`,
    `report-to csp-endpoint`,
  ];
  return directives.join("; ");
}

export function generateNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
