/**
 * Links that came from users (meeting links): shown as links only when they are https, the same
 * rule the API enforces on input; anything else is shown as text, never made clickable.
 */
export function httpsLink(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}
