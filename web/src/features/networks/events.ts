/**
 * A network's events on its page (`eventsSection`): upcoming sessions of its event modules, each
 * linked to the module page where people enrol (the catalogue's registration, waitlist and .ics),
 * and for lead experts a form to plan one. Requests: GET/POST /api/networks/{id}/events.
 */
import type { z } from 'zod';
import { api, ProblemError } from '../../api';
import { h, on, replaceChildren, uid } from '../../dom';
import { formatDate } from '../../ui/format';
import { clearFieldErrors, field, problemWithErrors, showFieldErrors, statusRegion } from '../../ui/form';
import { problemAlert } from '../../ui/alert';
import type { NetworkEventsSchema } from '../../../../functions/src/learning/schemas';
import { et } from './events-messages';

type NetworkEvents = z.infer<typeof NetworkEventsSchema>;
type NetworkEvent = NetworkEvents['events'][number];

const enc = encodeURIComponent;
const loadEvents = (networkId: string) => api<NetworkEvents>(`/api/networks/${enc(networkId)}/events`);
const planEvent = (networkId: string, body: Record<string, unknown>) => api<{ id: string }>(`/api/networks/${enc(networkId)}/events`, { method: 'POST', body });

const timeOf = (iso: string) => new Intl.DateTimeFormat(document.documentElement.lang === 'en' ? 'en-GB' : 'nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));

/** One event as a list item (also used by Mijn leren's list through the same shape). */
export function eventItem(e: NetworkEvent, withNetwork = false): HTMLElement {
  const m = et();
  return h(
    'li',
    { class: 'network-event', 'data-session': e.id },
    h('p', { class: 'network-event__type' }, m.types[e.eventType ?? ''] ?? e.eventType ?? '', withNetwork ? ` · ${e.networkName}` : ''),
    h('h3', { class: 'network-event__title' }, e.title),
    h('p', null, h('time', { datetime: e.start }, `${formatDate(e.start)}, ${timeOf(e.start)}–${timeOf(e.end)}`), ' · ', e.location ?? (e.online ? m.online : '')),
    h('p', null, m.places(e.enrolled, e.capacity), ' · ', h('a', { href: `/aanbod/${enc(e.moduleId)}` }, m.enrol)),
  );
}

export async function eventsSection(networkId: string): Promise<HTMLElement> {
  const m = et();
  const headingId = uid('events');
  const section = h('section', { class: 'learning-section network-events', 'aria-labelledby': headingId }, h('h2', { id: headingId }, m.title));
  const list = h('ul', { class: 'network-event-list' });
  const refresh = async () => {
    const data = await loadEvents(networkId);
    replaceChildren(list, data.events.length === 0 ? h('li', null, m.none) : data.events.map((e) => eventItem(e)));
    return data;
  };
  try {
    const data = await refresh();
    section.append(list);
    if (data.mayPlan) section.append(planForm(networkId, data.modules, () => void refresh()));
  } catch (err) {
    section.append(problemAlert(err));
  }
  return section;
}

function planForm(networkId: string, modules: NetworkEvents['modules'], planned: () => void): HTMLElement {
  const m = et();
  const wrapper = h('div', { class: 'network-event-plan' }, h('h3', null, m.plan), h('p', null, m.planIntro));
  if (modules.length === 0) return (wrapper.append(h('p', null, m.noModules)), wrapper);
  const moduleSelect = h('select', { required: true }, modules.map((x) => h('option', { value: x.id }, x.title)));
  const type = h('select', null, h('option', { value: '' }, m.sameAsModule), Object.entries(m.types).map(([value, label]) => h('option', { value }, label)));
  const start = h('input', { type: 'datetime-local', required: true });
  const end = h('input', { type: 'datetime-local', required: true });
  const location = h('input', { type: 'text', maxlength: 200 });
  const meetingUrl = h('input', { type: 'url', maxlength: 500 });
  const capacity = h('input', { type: 'number', min: 1, max: 1000, value: 30, required: true });
  const fields = [field('moduleId', m.module, moduleSelect), field('eventType', m.type, type), field('start', m.start, start), field('end', m.end, end), field('location', m.location, location, m.locationHint), field('meetingUrl', m.meetingUrl, meetingUrl), field('capacity', m.capacity, capacity)];
  const alerts = h('div');
  const status = statusRegion();
  const submit = h('button', { type: 'submit', class: 'button' }, m.submit);
  const form = h('form', { class: 'network-event-form', novalidate: true }, fields.map((f) => f.wrapper), alerts, h('p', null, submit), status);
  on(form, {
    submit: (event) => {
      event.preventDefault();
      clearFieldErrors(fields);
      alerts.replaceChildren();
      const missing = [start.value ? null : fields[2]!, end.value ? null : fields[3]!].filter((f) => f !== null);
      for (const f of missing) f.setError(m.required);
      if (missing.length > 0) return missing[0]!.focusTarget.focus();
      submit.disabled = true;
      status.textContent = m.busy;
      const body = {
        moduleId: moduleSelect.value,
        start: new Date(start.value).toISOString(),
        end: new Date(end.value).toISOString(),
        capacity: Number(capacity.value),
        ...(type.value ? { eventType: type.value } : {}),
        ...(location.value.trim() ? { location: location.value.trim() } : {}),
        ...(meetingUrl.value.trim() ? { meetingUrl: meetingUrl.value.trim() } : {}),
      };
      void planEvent(networkId, body)
        .then(() => {
          status.textContent = m.planned;
          planned();
        })
        .catch((err) => {
          status.textContent = '';
          alerts.replaceChildren(problemWithErrors(err, err instanceof ProblemError ? showFieldErrors(fields, err.errors ?? []) : []));
        })
        .finally(() => (submit.disabled = false));
    },
  });
  wrapper.append(form);
  return wrapper;
}
