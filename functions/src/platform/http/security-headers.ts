/**
 * Content-Security-Policy for both origins, in one place. The CloudFront response-headers
 * policies (infra/) and the local server use these same builders.
 */
export function appCsp(opts: { contentOrigin: string; connectSrc?: string[] }): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    // Images come from the app itself: the front end's files and article attachments, which are
    // served same-origin under /api/attachments. No third-party images (no tracking pixels in
    // health information), no data: URLs.
    "img-src 'self'",
    "font-src 'self'",
    `connect-src 'self' ${(opts.connectSrc ?? []).join(' ')}`.trim(),
    // SCORM is only ever framed from its own origin, never from the app origin.
    `frame-src ${opts.contentOrigin}`,
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * The content origin: third-party SCORM packages (`page: 'package'`, the default) and the player
 * page that hosts scorm-again and frames them (`page: 'player'`). Only the content origin itself
 * and the app may frame it. The player is our own code and gets a strict policy (no inline script,
 * no eval, frames only from this origin, requests only to this origin); packages get what real
 * authoring tools need, on this isolated origin only.
 */
export function contentCsp(opts: { appOrigin: string; page?: 'package' | 'player' }): string {
  if (opts.page === 'player') {
    return [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self'",
      "font-src 'self'",
      "connect-src 'self'",
      "frame-src 'self'",
      `frame-ancestors 'self' ${opts.appOrigin}`,
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'none'",
    ].join('; ');
  }
  return [
    "default-src 'self'",
    // Third-party SCORM packages commonly use inline script and eval; they run on this isolated origin only.
    "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    `frame-ancestors 'self' ${opts.appOrigin}`,
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');
}

/**
 * Powerful browser features neither origin uses, switched off for the page and every frame in it
 * (SCORM packages included): a compromised or hostile package cannot ask for camera, location, ...
 */
export const permissionsPolicy = [
  'accelerometer=()',
  'autoplay=()',
  'bluetooth=()',
  'browsing-topics=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'serial=()',
  'usb=()',
].join(', ');

export const commonSecurityHeaders: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'permissions-policy': permissionsPolicy,
  'referrer-policy': 'strict-origin-when-cross-origin',
  'strict-transport-security': 'max-age=63072000; includeSubDomains; preload',
};
