/**
 * Service worker with one job: put the reader's bearer token on same-origin requests for
 * article attachments (`GET /api/attachments/…`).
 *
 * The API serves an attachment with the visibility of its article, so images in drafts and in
 * internal or partner articles need `Authorization: Bearer …`. An <img> cannot send that header
 * and the API reads no cookies, so without this worker such images fail with 401.
 *
 * The worker keeps no token. For each attachment request it asks the page that made the request
 * (a MessageChannel round trip, answered by web/src/pages/knowledge/attachment-auth.ts from that
 * tab's sessionStorage). No answer, or no token: the request goes out unchanged, so public
 * attachments keep working and nothing else is ever touched.
 *
 * Plain JavaScript on purpose: it is served as-is from web/public at a stable URL
 * (`/attachment-sw.js`, scope `/`), which a service worker needs; Vite does not hash it.
 */
const ATTACHMENT_PATH = '/api/attachments/';
const ANSWER_TIMEOUT_MS = 1000;

self.addEventListener('install', (event) => {
  // Only attachment requests go through this worker; everything else stays on the network path
  // without even starting it (Static Routing API, where the browser supports it).
  if (typeof event.addRoutes === 'function') {
    event.waitUntil(
      Promise.resolve()
        .then(() =>
          event.addRoutes([
            {
              condition: { not: { urlPattern: new URLPattern({ pathname: `${ATTACHMENT_PATH}*` }) } },
              source: 'network',
            },
          ]),
        )
        .catch(() => undefined),
    );
  }
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  // Take over open tabs at once, so an editor that just registered the worker can show images.
  event.waitUntil(self.clients.claim());
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'claim') event.waitUntil(self.clients.claim());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || request.mode === 'navigate' || request.headers.has('authorization')) return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(ATTACHMENT_PATH)) return;
  event.respondWith(withToken(request, event.clientId));
});

/** Asks the requesting tab for its token; null when it cannot or does not answer. */
async function tokenOf(clientId) {
  const client = clientId ? await self.clients.get(clientId) : undefined;
  if (!client) return null;
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(null), ANSWER_TIMEOUT_MS);
    channel.port1.onmessage = (message) => {
      clearTimeout(timer);
      const token = message.data && message.data.token;
      resolve(typeof token === 'string' && token !== '' ? token : null);
    };
    client.postMessage({ type: 'attachment-token' }, [channel.port2]);
  });
}

async function withToken(request, clientId) {
  const token = await tokenOf(clientId);
  if (!token) return fetch(request);
  // A new same-origin request: an <img> request is no-cors, which would silently drop the header.
  return fetch(request.url, { headers: { authorization: `Bearer ${token}` }, credentials: 'same-origin', redirect: 'follow' });
}
