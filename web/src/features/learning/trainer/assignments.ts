/**
 * /trainer/opdrachten: handed-in assignments waiting for a trainer, oldest first. Each one shows
 * the learner's text (as text, never as HTML) with a feedback field and two decisions: approve
 * (completes the step for the learner) or return (the learner revises and hands in again). A
 * decided item leaves the list; focus moves to the next one so a trainer can work down the queue.
 */
import { ProblemError } from '../../../api';
import { currentUser } from '../../../auth';
import { h, on, uid } from '../../../dom';
import type { PageView } from '../../../router';
import { problemAlert } from '../../../ui/alert';
import { formatDate } from '../../../ui/format';
import { loadFailedPage } from '../../../ui/page';
import { reviewSubmission, waitingSubmissions } from '../api';
import type { WaitingSubmission } from '../api';
import { enc, liveStatus, page, signInRequiredPage } from '../common';
import { fileLinks } from '../files';
import { tt } from './messages';

export async function assignmentsPage(): Promise<PageView> {
  const m = tt().assignments;
  if (!currentUser()) return signInRequiredPage();
  let waiting: WaitingSubmission[];
  try {
    waiting = await waitingSubmissions();
  } catch (err) {
    return loadFailedPage(err);
  }
  const status = liveStatus();
  const empty = h('p', { hidden: waiting.length > 0 }, m.none);
  const list = h('ul', { class: 'submissions' });
  const heading = h('h2', { id: uid('waiting'), tabindex: -1 }, m.waiting(waiting.length));

  const item = (w: WaitingSubmission): HTMLElement => {
    const titleId = uid('submission');
    const feedbackId = uid('feedback');
    const errorId = `${feedbackId}-error`;
    const feedback = h('textarea', { id: feedbackId, name: 'feedback', rows: 4, maxlength: 5000 });
    const error = h('p', { class: 'field__error', id: errorId, hidden: true });
    const alerts = h('div', { class: 'alerts' });
    const approve = h('button', { type: 'button', class: 'button' }, m.approve, h('span', { class: 'visually-hidden' }, ` – ${w.learnerName}`));
    const giveBack = h('button', { type: 'button', class: 'button button--secondary' }, m.giveBack, h('span', { class: 'visually-hidden' }, ` – ${w.learnerName}`));
    const li = h(
      'li',
      { class: 'submission', 'aria-labelledby': titleId },
      h('h3', { id: titleId, tabindex: -1 }, `${w.learnerName}: ${w.title}`),
      h('p', { class: 'result__meta' }, m.submittedOn(formatDate(w.submission.submittedAt)), ' · ', h('a', { href: `/aanbod/${enc(w.moduleId)}` }, m.toModule)),
      w.submission.text ? h('blockquote', { class: 'submission__text' }, w.submission.text.split(/\n{2,}/).map((p) => h('p', null, p))) : null,
      fileLinks(w.submission.files),
      h('div', { class: 'field', 'data-field': 'feedback' }, h('label', { for: feedbackId, class: 'field__label' }, m.feedback(w.learnerName)), error, feedback),
      alerts,
      h('p', { class: 'actions' }, approve, giveBack),
    );
    const setError = (message: string | null) => {
      error.textContent = message ?? '';
      error.hidden = !message;
      if (message) {
        feedback.setAttribute('aria-invalid', 'true');
        feedback.setAttribute('aria-describedby', errorId);
      } else {
        feedback.removeAttribute('aria-invalid');
        feedback.removeAttribute('aria-describedby');
      }
    };
    const decide = async (decision: 'approved' | 'returned') => {
      alerts.replaceChildren();
      setError(null);
      const text = feedback.value.trim();
      if (!text) {
        setError(m.feedbackRequired);
        feedback.focus();
        return;
      }
      approve.disabled = giveBack.disabled = true;
      try {
        await reviewSubmission(w, { decision, feedback: text, submittedAt: w.submission.submittedAt });
      } catch (err) {
        approve.disabled = giveBack.disabled = false;
        const fieldError = err instanceof ProblemError ? err.errors.find((e) => e.path.startsWith('feedback')) : undefined;
        if (fieldError) {
          setError(fieldError.message);
          feedback.focus();
        } else alerts.replaceChildren(problemAlert(err));
        return;
      }
      const next = (li.nextElementSibling ?? li.previousElementSibling) as HTMLElement | null;
      li.remove();
      const left = list.children.length;
      heading.textContent = m.waiting(left);
      empty.hidden = left > 0;
      status.textContent = decision === 'approved' ? m.approved(w.learnerName) : m.returned(w.learnerName);
      (next?.querySelector<HTMLElement>('h3') ?? heading).focus();
    };
    on(approve, { click: () => void decide('approved') });
    on(giveBack, { click: () => void decide('returned') });
    return li;
  };

  list.append(...waiting.map(item));
  return page(
    m.title,
    h('p', { class: 'lead' }, m.intro),
    h('p', { class: 'actions' }, h('a', { href: '/trainer' }, tt().trainer.toSessions)),
    h('section', { class: 'learning-section', 'aria-labelledby': heading.id }, heading, status, empty, list),
  );
}
