/**
 * Lets <img src="/api/attachments/…"> load for attachments that need a signed-in reader (drafts,
 * internal and partner articles): registers the service worker in `web/public/attachment-sw.js`,
 * which adds the bearer token to those requests, and answers its token questions from this tab's
 * sessionStorage. Loaded on demand by article-body.ts, only when article HTML has such images.
 */
import { getToken } from '../token';

const workerUrl = '/attachment-sw.js';

let ready: Promise<void> | null = null;

/**
 * Resolves once attachment requests from this page carry the token: the worker controls the
 * page (or could not be installed: unsupported browser, timeout). Never rejects; without the
 * worker public attachments still load and the rest shows as broken images, as before.
 */
export function authorizeAttachments(timeoutMs = 3000): Promise<void> {
  ready ??= setUp(timeoutMs);
  return ready;
}

async function setUp(timeoutMs: number): Promise<void> {
  const container = 'serviceWorker' in navigator ? navigator.serviceWorker : undefined;
  if (!container) return;
  container.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as { type?: unknown } | null;
    if (event.origin !== location.origin || data?.type !== 'attachment-token') return;
    event.ports[0]?.postMessage({ token: getToken() });
  });
  container.startMessages();
  const register = () => container.register(workerUrl, { scope: '/', updateViaCache: 'none' });
  if (container.controller) {
    // Keep an installed worker up to date in the background; the current one serves meanwhile.
    void register().catch(() => undefined);
    return;
  }
  const controlled = new Promise<void>((resolve) => container.addEventListener('controllerchange', () => resolve(), { once: true }));
  try {
    const registration = await register();
    if (container.controller) return;
    // An active worker that does not control this tab (first install races, a hard reload) takes it over on request.
    registration.active?.postMessage({ type: 'claim' });
  } catch {
    return;
  }
  await Promise.race([controlled, new Promise<void>((resolve) => setTimeout(resolve, timeoutMs))]);
}
