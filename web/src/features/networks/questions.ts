/**
 * Consultation questions on a network's page (`questionsSection`, mounted by the network page) and
 * Mijn vragen (/mijn-vragen). Members ask with a clear warning not to identify a client (the API
 * refuses obvious identifiers and says what and where); lead experts and network authors answer and
 * turn an answered question into a draft article. What the caller may do comes with each question.
 */
import { currentUser } from '../../auth';
import { h, on, replaceChildren, uid } from '../../dom';
import { ProblemError } from '../../api';
import type { PageContext, PageView } from '../../router';
import { formatDate } from '../../ui/format';
import { clearFieldErrors, field, problemWithErrors, radioGroup, showFieldErrors, statusRegion } from '../../ui/form';
import { problemAlert } from '../../ui/alert';
import { basicPage, loadFailedPage, signInRequiredPage } from '../../ui/page';
import { answerQuestion, askQuestion, draftFromQuestion, myQuestions, networkQuestions, type Question } from './questions-api';
import { qt } from './questions-messages';
import { eventsSection } from './events';
import { activitySection } from './activity';

/** The questions part of a network page: the ask form (members) and the questions the caller may read. */
export async function questionsSection(networkId: string): Promise<HTMLElement> {
  const m = qt();
  const headingId = uid('questions');
  const section = h('section', { class: 'learning-section network-questions', 'aria-labelledby': headingId }, h('h2', { id: headingId }, m.title));
  if (!currentUser()) return section;
  let data;
  try {
    data = await networkQuestions(networkId);
  } catch (err) {
    section.append(problemAlert(err));
    return section;
  }
  const list = h('ul', { class: 'question-list' });
  const show = (questions: Question[]) => replaceChildren(list, questions.length === 0 ? h('li', null, m.none) : questions.map((q) => questionItem(q, (changed) => show(questions.map((x) => (x.id === changed.id ? changed : x))))));
  show(data.questions);
  section.append(data.mayAsk ? askForm(networkId, (q) => show([q, ...data.questions.filter((x) => x.id !== q.id)])) : h('p', null, m.onlyMembers), list);
  return section;
}

function askForm(networkId: string, added: (q: Question) => void): HTMLElement {
  const m = qt();
  const title = h('input', { type: 'text', maxlength: 160, required: true });
  const body = h('textarea', { rows: 5, maxlength: 4000, required: true });
  const visibility = radioGroup('visibility', m.visibility, [{ value: 'network', label: m.visibilityNetwork }, { value: 'organisation', label: m.visibilityOrganisation }], 'network');
  const fields = [field('title', m.questionTitle, title, m.questionTitleHint), field('body', m.body, body, m.bodyHint), visibility];
  const alerts = h('div');
  const status = statusRegion();
  const submit = h('button', { type: 'submit', class: 'button' }, m.submit);
  const warningId = uid('question-warning');
  const form = h(
    'form',
    { class: 'question-form', novalidate: true, 'aria-describedby': warningId },
    h('div', { class: 'question-warning', id: warningId }, h('p', { class: 'alert__title' }, h('strong', null, m.warningTitle)), h('p', null, m.warning)),
    fields.map((f) => f.wrapper),
    alerts,
    h('p', null, submit),
    status,
  );
  on(form, {
    submit: (event) => {
      event.preventDefault();
      clearFieldErrors(fields);
      alerts.replaceChildren();
      const missing = [title.value.trim() ? null : fields[0]!, body.value.trim() ? null : fields[1]!].filter((f) => f !== null);
      for (const f of missing) f.setError(m.required);
      if (missing.length > 0) return missing[0]!.focusTarget.focus();
      submit.disabled = true;
      status.textContent = m.busy;
      void askQuestion(networkId, { title: title.value.trim(), body: body.value.trim(), visibility: visibility.value() as 'network' | 'organisation' })
        .then((q) => {
          title.value = '';
          body.value = '';
          status.textContent = m.asked;
          added(q);
        })
        .catch((err) => {
          status.textContent = '';
          alerts.replaceChildren(problemWithErrors(err, err instanceof ProblemError ? showFieldErrors(fields, err.errors ?? []) : []));
        })
        .finally(() => (submit.disabled = false));
    },
  });
  return h('div', { class: 'question-ask' }, h('h3', null, m.ask), h('p', null, m.askIntro), form);
}

/** One question: title, who asked, the answer (or an answer form), and the draft article action. */
function questionItem(q: Question, changed: (q: Question) => void, options: { showNetwork?: boolean } = {}): HTMLElement {
  const m = qt();
  const item = h(
    'li',
    { class: 'question', 'data-question': q.id },
    h('h3', { class: 'question__title' }, q.title),
    h('p', { class: 'question__meta' }, h('span', { class: `badge badge--${q.status}` }, q.status === 'answered' ? m.answered : m.open), ' ', m.askedBy(q.asker.name, formatDate(q.askedAt)), ' · ', m.shared[q.visibility] ?? q.visibility, options.showNetwork ? ` · ${m.network(q.networkName)}` : ''),
    h('p', { class: 'question__body' }, q.body),
  );
  if (q.answer) {
    item.append(h('div', { class: 'question__answer' }, h('p', { class: 'question__meta' }, h('strong', null, m.answer), ' — ', m.answeredBy(q.answer.by.name, formatDate(q.answer.at))), h('p', null, q.answer.text)));
  }
  if (q.mayAnswer) item.append(answerForm(q, changed));
  if (q.articleId) item.append(h('p', null, m.draftExists, ' ', q.mayDraftArticle || q.answer ? h('a', { href: `/kennis/bewerken/${encodeURIComponent(q.articleId)}` }, m.openDraft) : null));
  else if (q.mayDraftArticle) item.append(draftButton(q, changed));
  return item;
}

function answerForm(q: Question, changed: (q: Question) => void): HTMLElement {
  const m = qt();
  const text = h('textarea', { rows: 4, maxlength: 8000, required: true });
  const f = field('answer', m.answerLabel(q.title), text);
  const alerts = h('div');
  const status = statusRegion();
  const submit = h('button', { type: 'submit', class: 'button' }, m.answerSubmit);
  const form = h('form', { class: 'answer-form', novalidate: true }, f.wrapper, alerts, h('p', null, submit), status);
  on(form, {
    submit: (event) => {
      event.preventDefault();
      f.setError(null);
      alerts.replaceChildren();
      if (!text.value.trim()) return (f.setError(m.required), text.focus());
      submit.disabled = true;
      status.textContent = m.busy;
      void answerQuestion(q.networkId, q.id, text.value.trim())
        .then((answered) => changed(answered))
        .catch((err) => {
          status.textContent = '';
          submit.disabled = false;
          alerts.replaceChildren(problemWithErrors(err, err instanceof ProblemError ? showFieldErrors([f], err.errors ?? []) : []));
        });
    },
  });
  return form;
}

function draftButton(q: Question, changed: (q: Question) => void): HTMLElement {
  const m = qt();
  const status = statusRegion();
  const alerts = h('div');
  const button = h('button', { type: 'button', class: 'button button--secondary' }, m.draft);
  on(button, {
    click: () => {
      button.disabled = true;
      status.textContent = m.busy;
      void draftFromQuestion(q.networkId, q.id)
        .then((r) => changed(r.question))
        .catch((err) => {
          status.textContent = '';
          button.disabled = false;
          alerts.replaceChildren(problemAlert(err));
        });
    },
  });
  return h('div', { class: 'question__draft' }, h('p', null, button), alerts, status);
}

/** /mijn-vragen: the caller's questions and their answers (linked from Mijn leren). */
export async function myQuestionsPage(): Promise<PageView> {
  const m = qt();
  if (!currentUser()) return signInRequiredPage();
  let questions: Question[];
  try {
    questions = await myQuestions();
  } catch (err) {
    return loadFailedPage(err);
  }
  const list = h('ul', { class: 'question-list' });
  const show = (qs: Question[]) => replaceChildren(list, qs.length === 0 ? h('li', null, m.myNone) : qs.map((q) => questionItem(q, (c) => show(qs.map((x) => (x.id === c.id ? c : x))), { showNetwork: true })));
  show(questions);
  return basicPage('page--learning', m.myTitle, h('p', { class: 'lead' }, m.myIntro), list);
}

/**
 * /netwerken/{id}/vragen: the network's questions, events and activity on a page of their own
 * (the network page mounts the same sections).
 */
export async function networkQuestionsPage(ctx: PageContext): Promise<PageView> {
  const networkId = ctx.params.networkId ?? '';
  const [questions, events, activity] = await Promise.all([questionsSection(networkId), eventsSection(networkId), activitySection(networkId)]);
  return basicPage('page--learning', qt().title, h('p', null, h('a', { href: `/netwerken/${encodeURIComponent(networkId)}` }, qt().toNetwork)), questions, events, activity);
}
