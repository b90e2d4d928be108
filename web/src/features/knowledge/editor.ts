/**
 * /kennis/nieuw and /kennis/bewerken/{id}: write a draft with a live preview, save it, offer it
 * for review. Saves are optimistic (expectedRevision); a 409 is shown with the option to load
 * the newest draft, which discards local edits only after the author confirms. An existing
 * article also gets the "Bijlagen" panel (attachments.ts, its own chunk): upload, list, and insert
 * an attachment's Markdown at the cursor.
 *
 * Opening the editor of a published article writes nothing: the form starts from the published
 * version (revision 0), and the first save creates the draft, naming the version it started from
 * (`basedOn`). If that version was superseded meanwhile, or someone else created a draft first,
 * the save is refused (409) and nothing is overwritten.
 */
import { ProblemError } from '../../api';
import { currentUser } from '../../auth';
import { h, on, replaceChildren, uid } from '../../dom';
import { navigate } from '../../router';
import type { PageContext, PageView } from '../../router';
import { problemAlert } from '../../ui/alert';
import { formatDate } from '../../ui/format';
import { checkboxGroup, clearFieldErrors, field, problemWithErrors, radioGroup, showFieldErrors, splitList, statusRegion } from '../../ui/form';
import type { Field } from '../../ui/form';
import { ut } from '../../ui/messages';
import { loadFailedPage, signInRequiredPage } from '../../ui/page';
import { renderTrustedArticleHtml } from '../../ui/trusted-html';
import { articleForEditing, articleVersion, createArticle, discardDraft, myKnowledge, network, networks as fetchNetworks, preview as fetchPreview, saveDraft, submitDraft } from './api';
import type { ArticleMeta, Audience, ContentInput, Draft, Language, MyKnowledge, Network, Version } from './api';
import { page } from './common';
import { kt } from './messages';

/** A message that survives the navigation from /kennis/nieuw to /kennis/bewerken/{id}. */
let flash: string | null = null;

/**
 * Unsaved edits, kept in memory while the tab lives: a re-render of the same editor (language
 * switch, Back/Forward, a detour to another page) restores them instead of silently dropping
 * them. Only restored onto the same draft revision they were made on; cleared on save.
 */
let unsaved: { path: string; revision: number | null; input: ContentInput; networkId: string } | null = null;

const enc = encodeURIComponent;
export const previewDelayMs = 400;

/** The form's content for a published article without a draft: its published version, not yet saved (revision 0). */
function startingPoint(article: ArticleMeta, v: Version): Draft {
  return {
    articleId: article.id,
    networkId: article.networkId,
    title: v.title,
    summary: v.summary,
    markdown: v.markdown,
    html: v.html,
    tags: v.tags,
    themes: v.themes,
    audience: v.audience,
    language: v.language,
    slug: article.slug,
    authors: v.authors,
    state: 'editing',
    revision: 0,
    basedOn: v.version,
    updatedBy: v.publishedBy,
    updatedAt: v.publishedAt,
    comments: [],
  };
}

export async function knowledgeEditor(ctx: PageContext): Promise<PageView> {
  const m = kt().editor;
  if (!currentUser()) return signInRequiredPage();
  const id = ctx.params.id;
  // The attachments panel is its own chunk, fetched alongside the data (existing articles only).
  const attachmentsModule = id ? import('./attachments') : null;
  void attachmentsModule?.catch(() => undefined);

  let mine: MyKnowledge;
  let networks: Network[];
  let article: ArticleMeta | undefined;
  let draft: Draft | undefined;
  try {
    const [mineResult, networkResult, editing] = await Promise.all([
      myKnowledge(),
      fetchNetworks(),
      id ? articleForEditing(id) : Promise.resolve(undefined),
    ]);
    mine = mineResult;
    networks = networkResult;
    if (editing) {
      article = editing.article;
      // A published article without a running draft: start from its published version; nothing is written until the first save.
      draft = editing.draft ?? startingPoint(editing.article, await articleVersion(editing.article.id, editing.article.publishedVersion));
    }
  } catch (err) {
    return loadFailedPage(err);
  }

  const networkName = (nid: string) => networks.find((n) => n.id === nid)?.name ?? nid;
  const writable = mine.networks.filter((n) => n.canWrite);
  if (!id && writable.length === 0) return page(m.newTitle, h('p', null, m.noNetworks));

  const message = flash;
  flash = null;
  const title = draft ? m.editTitle(draft.title) : m.newTitle;

  // --- Fields -----------------------------------------------------------------------------------
  const titleInput = h('input', { type: 'text', maxlength: 200, autocomplete: 'off', value: draft?.title ?? '' });
  const summaryInput = h('textarea', { rows: 3, maxlength: 500 }, draft?.summary ?? '');
  const networkSelect = h(
    'select',
    null,
    writable.map((n) => h('option', { value: n.networkId, selected: n.networkId === ctx.query.get('netwerk') }, networkName(n.networkId))),
  );
  const audienceHints = m.audienceHints;
  const audience = radioGroup(
    'audience',
    m.audience,
    (['internal', 'partners', 'public'] as const).map((a) => ({ value: a, label: kt().audience[a], hint: audienceHints[a] })),
    draft?.audience ?? 'internal',
  );
  const languageSelect = h(
    'select',
    null,
    (['nl', 'en'] as const).map((l) => h('option', { value: l, selected: l === (draft?.language ?? 'nl') }, ut().languages[l])),
  );
  const tagsInput = h('input', { type: 'text', autocomplete: 'off', value: draft?.tags.join(', ') ?? '' });
  const themesInput = h('input', { type: 'text', autocomplete: 'off', value: draft?.themes.join(', ') ?? '' });
  const slugInput = h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', maxlength: 80, value: draft?.slug ?? '' });
  const markdownInput = h('textarea', { rows: 22, class: 'editor__markdown', spellcheck: 'true' }, draft?.markdown ?? '');
  // Co-authors are chosen from the network's members; the main author is never one of them.
  const mainAuthor = draft?.authors[0] ?? currentUser()!;
  const coAuthors = checkboxGroup('coAuthors', m.coAuthors, m.coAuthorsHint);
  let coAuthorRequest = 0;
  const loadCoAuthors = async (networkId: string, checked: string[]) => {
    const request = ++coAuthorRequest;
    const current = (draft?.authors ?? []).slice(1);
    let members: Array<{ userId: string; name: string }> = [];
    try {
      members = (await network(networkId)).members;
    } catch {
      // Without the member list the current co-authors still show, so a save keeps them.
    }
    if (request !== coAuthorRequest) return; // another network was chosen meanwhile: its list wins
    const options = [...current.map((a) => ({ userId: a.id, name: a.name })), ...members.filter((x) => !current.some((a) => a.id === x.userId))]
      .filter((x) => x.userId !== mainAuthor.id)
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
      .map((x) => ({ value: x.userId, label: x.name }));
    coAuthors.setOptions(options, checked);
    if (options.length === 0) coAuthors.wrapper.querySelector('.choices')!.append(h('p', { class: 'field__hint' }, m.noCoAuthors));
  };
  await loadCoAuthors(draft?.networkId ?? networkSelect.value, (draft?.authors ?? []).slice(1).map((a) => a.id));
  if (!draft) on(networkSelect, { change: () => void loadCoAuthors(networkSelect.value, coAuthors.values()) });

  const fields: Field[] = [
    field('title', m.title, titleInput),
    field('summary', m.summary, summaryInput, m.summaryHint),
    ...(id ? [] : [field('networkId', m.network, networkSelect)]),
    audience,
    field('language', m.language, languageSelect),
    field('tags', m.tags, tagsInput, m.listHint),
    field('themes', m.themes, themesInput, m.listHint),
    coAuthors,
    field('slug', m.slug, slugInput, m.slugHint),
  ];
  const markdownField = field('markdown', m.markdown, markdownInput, m.markdownHint);
  fields.push(markdownField);

  // --- Preview ----------------------------------------------------------------------------------
  const previewBody = h('div', { class: 'article-body preview__body' });
  const previewAlerts = h('div', { class: 'alerts' });
  // Scrolls on its own beside the source, so it must be reachable by keyboard (tabindex=0).
  const preview = h('section', { class: 'preview', 'aria-label': m.preview, tabindex: 0 }, h('h2', { class: 'preview__title' }, m.preview), previewAlerts, previewBody);
  const previewLang = () => {
    // The preview is in the article's language, which need not be the UI's (WCAG 3.1.2).
    const lang = languageSelect.value;
    const empty = previewBody.querySelector('.preview__empty') !== null;
    if (!empty && lang !== document.documentElement.lang) previewBody.setAttribute('lang', lang);
    else previewBody.removeAttribute('lang');
  };
  const showPreview = (html: string | null) => {
    if (html === null || html.trim() === '') replaceChildren(previewBody, h('p', { class: 'preview__empty' }, m.previewEmpty));
    else renderTrustedArticleHtml(previewBody, html, { topLevel: 3 });
    previewLang();
  };
  // The stored draft HTML was rendered and sanitised by the API when it was saved.
  showPreview(draft?.html ?? null);

  let previewTimer: ReturnType<typeof setTimeout> | undefined;
  let previewController: AbortController | null = null;
  const updatePreview = async () => {
    previewController?.abort();
    const source = markdownInput.value;
    if (source.trim() === '') {
      replaceChildren(previewAlerts);
      return showPreview(null);
    }
    const controller = new AbortController();
    previewController = controller;
    preview.setAttribute('aria-busy', 'true');
    try {
      const { html } = await fetchPreview(source, controller.signal);
      replaceChildren(previewAlerts);
      showPreview(html);
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') return;
      replaceChildren(previewAlerts, problemAlert(err));
    } finally {
      if (previewController === controller) preview.removeAttribute('aria-busy');
    }
  };
  on(markdownInput, {
    input: () => {
      clearTimeout(previewTimer);
      previewTimer = setTimeout(() => void updatePreview(), previewDelayMs);
    },
  });
  on(languageSelect, { change: previewLang });

  // --- Attachments ------------------------------------------------------------------------------
  let markdownVisited = false;
  on(markdownInput, {
    focus: () => {
      markdownVisited = true;
    },
  });
  /**
   * Puts `text` at the cursor of the Markdown (at the end while the author has not been in it),
   * as its own paragraph if `block`, then lets the preview and the unsaved-edits memory know.
   */
  const insertIntoMarkdown = (text: string, block: boolean) => {
    const value = markdownInput.value;
    const start = markdownVisited ? markdownInput.selectionStart : value.length;
    const end = markdownVisited ? markdownInput.selectionEnd : value.length;
    const before = value.slice(0, start);
    const after = value.slice(end);
    const lead = block ? (before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n') : before === '' || /\s$/.test(before) ? '' : ' ';
    const trail = block ? (after === '' || after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n') : after === '' || /^\s/.test(after) ? '' : ' ';
    markdownInput.focus();
    markdownInput.setRangeText(lead + text + trail, start, end);
    const caret = start + lead.length + text.length;
    markdownInput.setSelectionRange(caret, caret);
    markdownInput.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const attachmentsHeadingId = uid('attachments');
  const attachmentsBody = h('div', { class: 'attachments__body' });
  const attachmentsSection = h('section', { class: 'attachments', 'aria-labelledby': attachmentsHeadingId }, h('h2', { id: attachmentsHeadingId, class: 'attachments__title' }, m.attachments.title), attachmentsBody);
  if (draft && attachmentsModule) {
    const articleId = draft.articleId;
    replaceChildren(attachmentsBody, h('p', { class: 'attachments__none' }, m.attachments.loading));
    attachmentsModule
      .then((panel) => panel.mountAttachments(attachmentsBody, { articleId, insert: insertIntoMarkdown }))
      .catch((err: unknown) => replaceChildren(attachmentsBody, problemAlert(err)));
  } else {
    // Attachments belong to an article, which exists from its first save.
    replaceChildren(attachmentsBody, h('p', { class: 'note' }, m.attachments.saveFirst));
  }

  // --- State, status and actions ------------------------------------------------------------------
  const statusPanel = h('div', { class: 'draft-status' });
  const status = statusRegion();
  if (message) status.textContent = message;
  const alerts = h('div', { class: 'alerts' });
  const saveButton = h('button', { type: 'submit', class: 'button' }, m.save);
  const submitButton = h('button', { type: 'button', class: 'button button--secondary' }, m.submit);
  const lockedNote = h('p', { class: 'note', hidden: true }, m.locked);
  const fieldset = h(
    'fieldset',
    { class: 'editor__fields' },
    h('legend', { class: 'visually-hidden' }, m.fields),
    fields.filter((f) => f !== markdownField).map((f) => f.wrapper),
    h('div', { class: 'editor__grid' }, h('div', { class: 'editor__source' }, markdownField.wrapper, attachmentsSection), preview),
  );
  const form = h('form', { class: 'editor', novalidate: true }, fieldset, alerts, h('p', { class: 'actions' }, saveButton, submitButton), status);

  const readInput = (): ContentInput => {
    const slug = slugInput.value.trim();
    return {
      title: titleInput.value.trim(),
      summary: summaryInput.value.trim(),
      markdown: markdownInput.value,
      tags: splitList(tagsInput.value),
      themes: splitList(themesInput.value),
      audience: audience.value() as Audience,
      language: languageSelect.value as Language,
      coAuthors: coAuthors.values(),
      ...(slug ? { slug } : {}),
    };
  };
  let snapshot = JSON.stringify(readInput());
  const dirty = () => JSON.stringify(readInput()) !== snapshot;

  if (unsaved && unsaved.path === ctx.path && unsaved.revision === (draft?.revision ?? null)) {
    const u = unsaved.input;
    titleInput.value = u.title;
    summaryInput.value = u.summary;
    markdownInput.value = u.markdown;
    tagsInput.value = u.tags.join(', ');
    themesInput.value = u.themes.join(', ');
    slugInput.value = u.slug ?? '';
    audience.set(u.audience);
    languageSelect.value = u.language;
    if (!draft) networkSelect.value = unsaved.networkId;
    await loadCoAuthors(draft?.networkId ?? networkSelect.value, u.coAuthors ?? []);
    if (u.markdown !== (draft?.markdown ?? '')) void updatePreview();
  } else {
    unsaved = null;
  }
  const remember = () => {
    unsaved = dirty() ? { path: ctx.path, revision: draft?.revision ?? null, input: readInput(), networkId: networkSelect.value } : null;
  };
  on(form, { input: remember, change: remember });

  const renderStatus = () => {
    if (!draft) return replaceChildren(statusPanel);
    const canPublish = mine.networks.some((n) => n.networkId === draft!.networkId && n.canPublish);
    const locked = draft.state === 'in-review';
    fieldset.disabled = locked;
    saveButton.disabled = locked;
    submitButton.disabled = locked;
    lockedNote.hidden = !locked;
    const commentsId = uid('comments');
    replaceChildren(
      statusPanel,
      h(
        'dl',
        { class: 'draft-status__list' },
        h('div', null, h('dt', null, m.state), h('dd', null, h('span', { class: `state state--${draft.state}` }, kt().states[draft.state]))),
        h('div', null, h('dt', null, m.network), h('dd', null, networkName(draft.networkId))),
      ),
      draft.basedOn > 0 ? h('p', null, m.basedOn(draft.basedOn)) : null,
      draft.revision === 0 ? h('p', null, m.notSavedYet) : h('p', null, m.lastSaved(draft.updatedBy.name, formatDate(draft.updatedAt))),
      staleNote(),
      lockedNote,
      h(
        'p',
        { class: 'actions' },
        locked && canPublish ? h('a', { href: `/kennis/review/${enc(draft.articleId)}`, class: 'button' }, m.toReview) : null,
        article && article.publishedVersion > 0 ? h('a', { href: `/kennis/${enc(article.slug)}` }, m.viewPublished) : null,
        draft.revision > 0 && !locked ? on(h('button', { type: 'button', class: 'button button--secondary' }, m.discard), { click: discard }) : null,
      ),
      draft.comments.length > 0
        ? h(
            'section',
            { class: 'comments', 'aria-labelledby': commentsId },
            h('h2', { id: commentsId }, m.comments),
            h(
              'ul',
              { class: 'comments__list' },
              draft.comments.map((c) => h('li', { class: 'comment' }, h('p', { class: 'comment__text' }, c.text), h('p', { class: 'comment__by' }, m.commentBy(c.by.name, formatDate(c.at))))),
            ),
          )
        : null,
    );
  };
  /**
   * The draft started from an older version than the one published now: publishing it would undo
   * that version. The writer compares, takes the changes over, and marks the draft as brought up to date.
   */
  function staleNote() {
    const current = article?.publishedVersion ?? 0;
    if (!draft || draft.revision === 0 || draft.basedOn === 0 || draft.basedOn >= current || draft.state === 'in-review') return null;
    return h(
      'div',
      { class: 'alert', role: 'note' },
      h('p', null, m.stale(draft.basedOn, current)),
      h(
        'p',
        { class: 'alert__actions' },
        h('a', { href: `/kennis/geschiedenis/${enc(draft.articleId)}` }, m.staleCompare),
        ' ',
        on(h('button', { type: 'button', class: 'button button--secondary' }, m.staleTakenOver(current)), {
          click: () =>
            void run(async () => {
              await persist(current);
              renderStatus();
              status.textContent = m.saved(draft!.revision);
            }),
        }),
      ),
    );
  }

  const discard = () => {
    if (!draft || draft.revision === 0) return;
    const neverPublished = !article || article.publishedVersion === 0;
    if (!window.confirm(neverPublished ? m.discardConfirmNew : m.discardConfirm)) return;
    void run(async () => {
      await discardDraft(draft!);
      unsaved = null;
      flash = null;
      navigate(neverPublished ? `/kennis/netwerk/${enc(draft!.networkId)}` : `/kennis/${enc(article!.slug)}`, { replace: true });
    });
  };

  renderStatus();

  const showProblem = (err: unknown) => {
    const problem = err instanceof ProblemError ? err : null;
    const unclaimed = problem ? showFieldErrors(fields, problem.errors) : [];
    const alert = problemWithErrors(err, unclaimed);
    // Someone else saved, submitted or published meanwhile: offer their version, never overwrite it.
    if (problem?.status === 409 && problem.errors.length === 0 && draft) {
      alert.append(h('p', { class: 'alert__actions' }, on(h('button', { type: 'button', class: 'button button--secondary' }, m.reload), { click: reload })));
    }
    replaceChildren(alerts, alert);
  };

  const reload = () => {
    if (dirty() && !window.confirm(m.reloadConfirm)) return;
    unsaved = null;
    flash = m.reloaded;
    navigate(location.pathname + location.search, { replace: true });
  };

  let busy = false;
  const run = async (work: () => Promise<void>) => {
    if (busy) return;
    busy = true;
    form.setAttribute('aria-busy', 'true');
    status.textContent = m.saving;
    replaceChildren(alerts);
    clearFieldErrors(fields);
    try {
      await work();
    } catch (err) {
      status.textContent = '';
      showProblem(err);
    } finally {
      busy = false;
      form.removeAttribute('aria-busy');
    }
  };

  /** Creates the article or saves the draft (the first save of a published article's draft names its version); returns the stored draft. */
  const persist = async (basedOn?: number): Promise<Draft> => {
    const input = readInput();
    if (!draft) {
      const created = await createArticle({ ...input, networkId: networkSelect.value });
      article = created.article;
      unsaved = null;
      return created.draft;
    }
    const base = basedOn ?? (draft.revision === 0 ? draft.basedOn : undefined);
    const saved = await saveDraft(draft.articleId, { ...input, expectedRevision: draft.revision, ...(base !== undefined ? { basedOn: base } : {}) });
    draft = saved;
    snapshot = JSON.stringify(input);
    unsaved = null;
    return saved;
  };

  on(form, {
    submit: (event) => {
      event.preventDefault();
      void run(async () => {
        const isNew = !draft;
        const saved = await persist();
        if (isNew) {
          flash = m.saved(saved.revision);
          navigate(`/kennis/bewerken/${enc(saved.articleId)}`, { replace: true });
          return;
        }
        renderStatus();
        status.textContent = m.saved(saved.revision);
      });
    },
  });
  on(submitButton, {
    click: () =>
      void run(async () => {
        const isNew = !draft;
        const current = isNew || dirty() ? await persist() : draft!;
        const submitted = await submitDraft(current);
        if (isNew) {
          flash = m.submitted;
          navigate(`/kennis/bewerken/${enc(submitted.articleId)}`, { replace: true });
          return;
        }
        draft = submitted;
        renderStatus();
        status.textContent = m.submitted;
      }),
  });

  const view = page(title, statusPanel, form);
  (view.content as HTMLElement).classList.add('page--wide');
  return view;
}
