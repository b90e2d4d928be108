/**
 * The SCORM player on the content origin (see functions/docs/scorm.md, "Player").
 *
 * Opened as `/player/#launch=<token>` from the app. The token leaves the address bar at once; the
 * player loads the attempt's runtime data, asks the content origin for the short-lived cookie that
 * unlocks this package version's files, and frames one SCO at a time from this same origin, with
 * a fresh scorm-again API object per delivery on `window.API` (1.2) or `window.API_1484_11` (2004)
 * so the SCO finds it by the standard parent search. Navigation between SCOs (table of contents,
 * previous/next) follows the package's control modes; each SCO keeps its own CMI state.
 */
import type { Scorm12API, Scorm2004API, Settings } from 'scorm-again';
import { lang, t } from './messages';
import { choiceAllowed, flowAllowed, leavesOf, tocOf, versionOf, type Launchable, type RuntimeData, type ScormVersion, type TocNode } from './runtime';
import { CommitQueue, newSessionId, type SaveState } from './saver';

type Api = Scorm12API | Scorm2004API;

interface Delivery {
  node: TocNode;
  launchable: Launchable;
  api: Api;
  navRequest: string;
}

const el = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const ui = {
  title: el('course-title'),
  status: el('save-status'),
  toc: el('toc'),
  tocTree: el('toc-tree'),
  main: el('main'),
  alerts: el('alerts'),
  frame: el<HTMLIFrameElement>('sco'),
  controls: el('controls'),
  previous: el<HTMLButtonElement>('previous'),
  next: el<HTMLButtonElement>('next'),
};
const launchKey = 'scorm-player-launch';

document.documentElement.lang = lang;
el('toc-heading').textContent = t.toc;
ui.previous.textContent = t.previous;
ui.next.textContent = t.next;
ui.frame.title = t.frameTitle('');

function showAlert(text: string, kind: 'alert' | 'notice' = 'alert'): void {
  const p = document.createElement('p');
  p.className = kind;
  if (kind === 'alert') p.setAttribute('role', 'alert');
  p.textContent = text;
  ui.alerts.replaceChildren(p);
}

function showState(state: SaveState, detail?: string): void {
  const text: Record<SaveState, string> = {
    idle: t.ready,
    saving: t.saving,
    saved: t.saved,
    pending: t.pending,
    offline: t.offline,
    error: t.rejected(detail ?? ''),
    expired: t.expired,
    // The server's own words (another window took the attempt over, or it has finished).
    stopped: detail ?? t.expired,
  };
  ui.status.dataset.state = state;
  if (ui.status.textContent !== text[state]) ui.status.textContent = text[state];
  if (state === 'stopped' && detail && ui.alerts.textContent !== detail) showAlert(detail);
}

/** The launch from the fragment (then removed from the address bar), or from this tab's earlier load. */
function readLaunch(): { token: string; attemptId: string; sco?: string } | null {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const token = params.get('launch');
  if (token) {
    history.replaceState(null, '', location.pathname + location.search);
    const launch = { token, attemptId: params.get('attempt') ?? attemptFromToken(token) ?? '', ...(params.get('sco') ? { sco: params.get('sco')! } : {}) };
    try {
      sessionStorage.setItem(launchKey, JSON.stringify(launch));
    } catch {
      /* storage off: a reload then needs a new launch */
    }
    return launch.attemptId ? launch : null;
  }
  try {
    const stored = JSON.parse(sessionStorage.getItem(launchKey) ?? 'null') as { token?: string; attemptId?: string } | null;
    if (stored?.token && stored.attemptId) return { token: stored.token, attemptId: stored.attemptId };
  } catch {
    /* nothing stored */
  }
  return null;
}

/** The attempt a launch token names: `<attemptId>.<secret>`, or a JWT-style token with `attemptId`/`att`. */
export function attemptFromToken(token: string): string | undefined {
  const parts = token.split('.');
  if (parts.length === 3) {
    try {
      const json = JSON.parse(atob(parts[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
      const id = json.attemptId ?? json.att ?? json.aid;
      if (typeof id === 'string') return id;
    } catch {
      /* not a JWT */
    }
  }
  if (parts.length === 2 && /^[A-Za-z0-9_-]{1,80}$/.test(parts[0]!)) return parts[0];
  return undefined;
}

async function loadRuntime(launch: { token: string; attemptId: string }): Promise<RuntimeData> {
  const res = await fetch(`/api/scorm/runtime/${encodeURIComponent(launch.attemptId)}`, {
    headers: { authorization: `Launch ${launch.token}`, accept: 'application/json', 'accept-language': lang },
    cache: 'no-store',
  });
  if (res.status === 401 || res.status === 403 || res.status === 404 || res.status === 410) throw new LaunchError(t.expired);
  if (res.status === 409) {
    // Finished, or taken over by a newer launch: the server says which, in the learner's language.
    const problem = (await res.json().catch(() => ({}))) as { detail?: unknown };
    throw new LaunchError(typeof problem.detail === 'string' && problem.detail ? problem.detail : t.expired);
  }
  if (!res.ok) throw new LaunchError(t.loadFailed);
  return (await res.json()) as RuntimeData;
}

/** The cookie that lets this tab load the package version's files (Path = the version's prefix). */
async function unlockPackage(launch: { token: string; attemptId: string }): Promise<void> {
  const res = await fetch('/launch-cookie', {
    method: 'POST',
    headers: { authorization: `Launch ${launch.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ attemptId: launch.attemptId }),
    credentials: 'same-origin',
    cache: 'no-store',
  });
  if (res.status === 401 || res.status === 403) throw new LaunchError(t.expired);
  if (!res.ok) throw new LaunchError(t.loadFailed);
}

class LaunchError extends Error {}

async function createApi(version: ScormVersion, settings: Settings, channel: unknown): Promise<Api> {
  if (version === '1.2') {
    const mod = (await import('scorm-again/scorm12')) as unknown as { Scorm12API: new (s: Settings, h?: unknown) => Scorm12API };
    return new mod.Scorm12API(settings, channel);
  }
  const mod = (await import('scorm-again/scorm2004')) as unknown as { Scorm2004API: new (s: Settings, h?: unknown) => Scorm2004API };
  return new mod.Scorm2004API(settings, channel);
}

/** The stored CMI of one SCO, as scorm-again's loadFromJSON takes it (the `cmi` object itself). */
function storedCmi(cmi: unknown): Record<string, unknown> | undefined {
  if (!cmi || typeof cmi !== 'object') return undefined;
  const o = cmi as Record<string, unknown>;
  return (o.cmi && typeof o.cmi === 'object' ? o.cmi : o) as Record<string, unknown>;
}

/** Values the LMS sets before the SCO initialises; a failure for one element does not stop the rest. */
function preset(api: Api, values: Array<[string, string | number | undefined]>): void {
  const target = api as unknown as { setCMIValue(el: string, v: unknown): string };
  for (const [element, value] of values) {
    if (value === undefined || value === '') continue;
    try {
      target.setCMIValue(element, String(value));
    } catch {
      /* read-only in this build or invalid: leave scorm-again's default */
    }
  }
}

async function boot(): Promise<void> {
  showState('idle');
  ui.status.textContent = t.loading;
  const launch = readLaunch();
  if (!launch) {
    ui.status.textContent = '';
    showAlert(t.noLaunch);
    return;
  }
  let data: RuntimeData;
  try {
    data = await loadRuntime(launch);
    await unlockPackage(launch);
  } catch (err) {
    ui.status.textContent = '';
    showAlert(err instanceof LaunchError ? err.message : t.loadFailed);
    return;
  }

  // The package cookie lasts an hour; renew it while the learner plays (the launch decides how long).
  setInterval(() => void unlockPackage(launch).catch(() => undefined), 20 * 60 * 1000);

  const version = versionOf(data);
  const root = tocOf(data);
  const leaves = leavesOf(root);
  const baseUrl = data.package.baseUrl.endsWith('/') ? data.package.baseUrl : `${data.package.baseUrl}/`;
  const title = data.title ?? data.package.title ?? root.title ?? t.title;
  if (title) {
    ui.title.textContent = title;
    document.title = `${title} — ${t.title}`;
  }
  const done = new Set<string>();
  const queue = new CommitQueue({
    attemptId: launch.attemptId,
    token: launch.token,
    storedSequence: Number(data.storedSequence ?? 0),
    onState: showState,
  });
  showState('idle');

  let current: Delivery | null = null;
  let navigating = false;
  let finished = false;

  // ---- table of contents ----------------------------------------------------------------------
  const tocButtons = new Map<string, HTMLButtonElement>();
  const renderToc = () => {
    const list = (n: TocNode): HTMLUListElement | null => {
      const items = n.children.filter((c) => c.launchable?.isVisible !== false).map((c) => {
        const li = document.createElement('li');
        if (c.launchable) {
          const b = document.createElement('button');
          b.type = 'button';
          b.textContent = c.title;
          b.dataset.item = c.id;
          b.addEventListener('click', () => void go(c.id, 'choice'));
          tocButtons.set(c.id, b);
          li.append(b);
          const mark = document.createElement('span');
          mark.className = 'done';
          mark.dataset.doneFor = c.id;
          li.append(mark);
        } else {
          const s = document.createElement('span');
          s.className = 'group';
          s.textContent = c.title;
          li.append(s);
        }
        const sub = list(c);
        if (sub) li.append(sub);
        return li;
      });
      if (!items.length) return null;
      const ul = document.createElement('ul');
      ul.append(...items);
      return ul;
    };
    const tree = list(root);
    if (tree) ui.tocTree.replaceChildren(tree);
    ui.toc.hidden = leaves.length < 2;
    ui.controls.hidden = leaves.length < 2;
    ui.toc.setAttribute('aria-label', t.tocLabel);
    ui.toc.removeAttribute('aria-labelledby');
  };

  const neighbour = (direction: 'next' | 'previous'): string | undefined => {
    if (!current) return undefined;
    const i = leaves.findIndex((l) => l.node.id === current!.node.id);
    const j = direction === 'next' ? i + 1 : i - 1;
    const to = leaves[j];
    if (!to || !flowAllowed(root, current.node.id, to.node.id, direction)) return undefined;
    return to.node.id;
  };

  const refreshNav = () => {
    for (const [id, b] of tocButtons) {
      const isCurrent = current?.node.id === id;
      b.setAttribute('aria-current', isCurrent ? 'true' : 'false');
      b.disabled = !isCurrent && (finished || !choiceAllowed(root, id));
      const mark = ui.tocTree.querySelector<HTMLElement>(`[data-done-for="${CSS.escape(id)}"]`);
      if (mark) mark.textContent = done.has(id) ? `(${t.completed})` : '';
    }
    ui.previous.disabled = finished || !neighbour('previous');
    ui.next.disabled = finished || !neighbour('next');
  };

  const noteStatus = (id: string, api: Api) => {
    const a = api as unknown as { getCMIValue(el: string): unknown };
    try {
      const status = version === '1.2' ? String(a.getCMIValue('cmi.core.lesson_status')) : String(a.getCMIValue('cmi.completion_status'));
      if (['completed', 'passed', 'failed'].includes(status)) done.add(id);
    } catch {
      /* not readable yet */
    }
  };
  for (const [id, s] of Object.entries(data.state ?? {})) {
    const cmi = storedCmi(s.cmi) as { core?: { lesson_status?: string }; completion_status?: string } | undefined;
    const status = version === '1.2' ? cmi?.core?.lesson_status : cmi?.completion_status;
    if (status && ['completed', 'passed', 'failed'].includes(status)) done.add(id);
  }

  // ---- delivery -------------------------------------------------------------------------------
  const waitForFrameLoad = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 5000);
      ui.frame.addEventListener('load', () => (clearTimeout(timer), resolve()), { once: true });
    });

  const isOpen = (api: Api) => {
    const a = api as unknown as { isInitialized(): boolean; isTerminated(): boolean };
    return a.isInitialized() && !a.isTerminated();
  };

  const finish = (api: Api) => {
    if (!isOpen(api)) return;
    if (version === '1.2') (api as Scorm12API).LMSFinish('');
    else (api as Scorm2004API).Terminate('');
  };

  /** Takes the current SCO away: its page unloads (and finishes itself), else the player finishes it. */
  const unloadCurrent = async () => {
    if (!current) return;
    const was = current;
    const loaded = waitForFrameLoad();
    ui.frame.src = 'about:blank';
    await loaded;
    finish(was.api);
    noteStatus(was.node.id, was.api);
    if (current === was) current = null;
    delete (window as { API?: unknown }).API;
    delete (window as { API_1484_11?: unknown }).API_1484_11;
  };

  const deliver = async (id: string) => {
    const leaf = leaves.find((l) => l.node.id === id);
    if (!leaf?.node.launchable) return;
    const launchable = leaf.node.launchable;
    const stored = data.state?.[id];
    const settings: Settings = {
      autocommit: true,
      autocommitSeconds: 10,
      useAsynchronousCommits: true,
      asyncModeBeaconBehavior: 'never',
      includeCommitSequence: true,
      sendFullCommit: true,
      dataCommitFormat: 'json',
      lmsCommitUrl: queue.commitUrl(id),
      // The last commit of a session says so (the channel reads it from scorm-again's metadata too).
      terminateCommitParam: 'terminate',
      logLevel: 'NONE',
      enableOfflineSupport: false,
      scoId: id,
    };
    // One session per API object: the server counts a SCO's time per session (reloads, revisits).
    const api = await createApi(version, settings, queue.channel(id, newSessionId()));
    const cmi = storedCmi(stored?.cmi);
    if (cmi) api.loadFromJSON(cmi, 'cmi');
    const resume = stored?.entry === 'resume';
    const learnerId = data.attempt.learnerId;
    const learnerName = data.attempt.learnerName;
    if (version === '1.2') {
      preset(api, [
        ['cmi.core.entry', resume ? 'resume' : cmi ? '' : 'ab-initio'],
        ['cmi.core.student_id', learnerId],
        ['cmi.core.student_name', learnerName],
        ['cmi.student_data.mastery_score', launchable.masteryScore],
        ['cmi.student_data.max_time_allowed', launchable.maxTimeAllowed],
        ['cmi.student_data.time_limit_action', launchable.timeLimitAction],
        ['cmi.launch_data', launchable.dataFromLms],
      ]);
    } else {
      preset(api, [
        ['cmi.entry', resume ? 'resume' : cmi ? '' : 'ab-initio'],
        ['cmi.learner_id', learnerId],
        ['cmi.learner_name', learnerName],
        ['cmi.scaled_passing_score', launchable.scaledPassingScore],
        ['cmi.completion_threshold', launchable.completionThreshold],
        ['cmi.max_time_allowed', launchable.maxTimeAllowed],
        ['cmi.time_limit_action', launchable.timeLimitAction],
        ['cmi.launch_data', launchable.dataFromLms],
      ]);
      // What the SCO may ask for (adl.nav.request_valid.*), from the same rules as our buttons.
      const nav = (api as unknown as { adl?: { nav?: { request_valid?: { continue: string; previous: string; choice?: { setAll(v: Record<string, string>): void } } } } }).adl?.nav?.request_valid;
      const i = leaves.indexOf(leaf);
      if (nav) {
        try {
          const next = leaves[i + 1];
          const prev = leaves[i - 1];
          nav.continue = next && flowAllowed(root, id, next.node.id, 'next') ? 'true' : 'false';
          nav.previous = prev && flowAllowed(root, id, prev.node.id, 'previous') ? 'true' : 'false';
          nav.choice?.setAll(Object.fromEntries(leaves.map((l) => [l.node.id, choiceAllowed(root, l.node.id) ? 'true' : 'false'])));
        } catch {
          /* older builds: leave unknown */
        }
      }
    }
    const delivery: Delivery = { node: leaf.node, launchable, api, navRequest: '_none_' };
    const on = (api as unknown as { on(name: string, cb: (...a: unknown[]) => void): void }).on.bind(api);
    on('SetValue.adl.nav.request', (_el, value) => {
      delivery.navRequest = String(value ?? '_none_');
    });
    const afterFinish = () => {
      noteStatus(id, api);
      refreshNav();
      if (current !== delivery || navigating) return;
      const request = delivery.navRequest;
      const choice = /^\{target=([^}]+)\}choice$/.exec(request);
      // The SCO asked the LMS to move on after it ended (2004 adl.nav.request), or to leave.
      setTimeout(() => {
        if (request === 'continue') void go(neighbour('next') ?? '', 'flow');
        else if (request === 'previous') void go(neighbour('previous') ?? '', 'flow');
        else if (choice) void go(choice[1]!, 'choice');
        else if (['exit', 'exitAll', 'suspendAll', 'abandon', 'abandonAll'].includes(request) && (request !== 'exit' || leaves.length === 1)) endSession();
      }, 0);
    };
    on(version === '1.2' ? 'LMSFinish' : 'Terminate', afterFinish);
    on(version === '1.2' ? 'LMSSetValue' : 'SetValue', () => noteStatus(id, api));
    on(version === '1.2' ? 'LMSCommit' : 'Commit', () => noteStatus(id, api));

    current = delivery;
    (window as { API?: unknown }).API = version === '1.2' ? api : undefined;
    (window as { API_1484_11?: unknown }).API_1484_11 = version === '2004' ? api : undefined;
    ui.frame.title = t.frameTitle(launchable.title);
    ui.frame.hidden = false;
    ui.frame.src = `${baseUrl}${launchable.href}`;
    refreshNav();

    if (launchable.scormType === 'asset') {
      // An asset never talks to the LMS: delivering it completes it (SCORM 2004 SN, delivery
      // controls; 1.2 treats an asset alike), reported like a SCO's own commit.
      if (version === '1.2') {
        const a = api as Scorm12API;
        a.LMSInitialize('');
        a.LMSSetValue('cmi.core.lesson_status', 'completed');
        a.LMSFinish('');
      } else {
        const a = api as Scorm2004API;
        a.Initialize('');
        a.SetValue('cmi.completion_status', 'completed');
        a.Terminate('');
      }
      done.add(id);
      refreshNav();
    }
  };

  const go = async (id: string, how: 'choice' | 'flow' | 'start') => {
    if (!id || navigating || finished) return;
    if (current?.node.id === id && how !== 'start') return;
    if (how === 'choice' && !choiceAllowed(root, id)) return;
    navigating = true;
    try {
      await unloadCurrent();
      await deliver(id);
    } catch (err) {
      console.error('SCORM player: delivery failed', err);
      showAlert(t.loadFailed);
    } finally {
      navigating = false;
      refreshNav();
    }
    if (how !== 'start') tocButtons.get(id)?.focus();
  };

  const endSession = () => {
    finished = true;
    const loaded = waitForFrameLoad();
    ui.frame.src = 'about:blank';
    void loaded.then(() => {
      if (current) finish(current.api);
      ui.frame.hidden = true;
      refreshNav();
      showAlert(t.finished, 'notice');
      ui.main.focus();
    });
  };

  ui.previous.addEventListener('click', () => void go(neighbour('previous') ?? '', 'flow'));
  ui.next.addEventListener('click', () => void go(neighbour('next') ?? '', 'flow'));

  // ---- saving when the page is hidden or goes away ------------------------------------------
  const commitNow = () => {
    if (!current || !isOpen(current.api)) return;
    if (version === '1.2') (current.api as Scorm12API).LMSCommit('');
    else (current.api as Scorm2004API).Commit('');
  };
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') commitNow();
  });
  window.addEventListener('pagehide', () => {
    commitNow();
    queue.pageHide();
  });
  window.addEventListener('pageshow', (e) => {
    if (e.persisted) queue.pageShow();
  });
  window.addEventListener('online', () => queue.retryNow());
  window.addEventListener('offline', () => showState(queue.hasPending ? 'offline' : 'idle'));
  window.addEventListener('beforeunload', (e) => {
    // Unsaved data and no connection: ask before the learner closes the tab.
    if (queue.hasPending && !navigator.onLine) e.preventDefault();
  });

  renderToc();
  const wanted = 'sco' in launch ? launch.sco : undefined;
  const start =
    (wanted && leaves.some((l) => l.node.id === wanted) ? wanted : undefined) ??
    (data.attempt.currentScoId && leaves.some((l) => l.node.id === data.attempt.currentScoId) ? data.attempt.currentScoId : undefined) ??
    Object.entries(data.state ?? {}).find(([, s]) => s.entry === 'resume')?.[0] ??
    (data.package.defaultScoId && leaves.some((l) => l.node.id === data.package.defaultScoId) ? data.package.defaultScoId : undefined) ??
    leaves.find((l) => l.visible)?.node.id ??
    leaves[0]?.node.id;
  if (!start) {
    showAlert(t.loadFailed);
    return;
  }
  await go(start, 'start');
  // For tests and diagnostics: the player's state, no secrets.
  (window as { scormPlayer?: unknown }).scormPlayer = { version, settled: (ms?: number) => queue.settled(ms), current: () => current?.node.id };
}

void boot();
