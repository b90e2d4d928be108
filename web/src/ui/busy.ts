import { problemAlert } from './alert';

/**
 * Runs `action` once at a time for a form or button: marks it busy, clears and fills the alert
 * slot, and reports problems there. Resolves to the action's result, or undefined on failure.
 */
export async function busy<T>(el: HTMLElement, alerts: HTMLElement, action: () => Promise<T>): Promise<T | undefined> {
  if (el.getAttribute('aria-busy') === 'true') return undefined;
  el.setAttribute('aria-busy', 'true');
  const buttons = Array.from(el.querySelectorAll<HTMLButtonElement>('button'));
  if (el instanceof HTMLButtonElement) buttons.push(el);
  for (const b of buttons) b.disabled = true;
  alerts.replaceChildren();
  try {
    return await action();
  } catch (err) {
    alerts.replaceChildren(problemAlert(err));
    return undefined;
  } finally {
    el.removeAttribute('aria-busy');
    for (const b of buttons) b.disabled = false;
  }
}
