import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { abilitiesOf, actorOf, authorize, can, describeRules, type Actor } from '../../functions/src/policy';
import { accessMarkdown, accessMatrix, network, personas, states, type Persona } from '../../functions/src/policy/matrix';
import { Problem } from '../../functions/src/platform/http/problem';

const all = Object.entries(personas) as Array<[Persona, Actor]>;
const idOf = (a: Actor) => a.principal?.id;
const statusOf = (fn: () => void) => {
  try {
    fn();
    return 200;
  } catch (err) {
    return (err as Problem).status;
  }
};

describe('the access policy keeps records meaningful', () => {
  it('never lets anyone register their own attendance', () => {
    for (const [name, actor] of all) {
      const own = { session: { ...states.seat["someone else's seat"]!.session, trainerIds: [idOf(actor) ?? ''] }, learnerId: idOf(actor) ?? 'x' };
      expect(can(actor, 'seat', 'register-attendance', own), name).toBe(false);
    }
  });

  it('gives nothing to a partner or a stripped account named as a session\'s trainer or host: no attendance, no participants', () => {
    const named = { module: { status: 'published', enrolAudience: 'employees', kind: 'event' } as const, trainerIds: ['p1', 'x1'], callerHasSeat: false };
    for (const a of [actorOf({ id: 'p1', name: 'p', roles: ['partner'], organisationId: 'o' }), actorOf({ id: 'x1', name: 'x', roles: [] })]) {
      expect(can(a, 'seat', 'register-attendance', { session: named, learnerId: 'someone' })).toBe(false);
      expect(can(a, 'session', 'read-participants', named)).toBe(false);
    }
    expect(can(actorOf({ id: 'p1', name: 'p', roles: ['employee'] }), 'seat', 'register-attendance', { session: named, learnerId: 'someone' })).toBe(true);
  });

  it('never lets a trainer enrol in a session they teach', () => {
    for (const [name, actor] of all) {
      const theirs = { ...states.session['without a seat']!, trainerIds: [idOf(actor) ?? ''] };
      expect(can(actor, 'session', 'enrol', theirs), name).toBe(false);
    }
  });

  it('never lets anyone review their own work', () => {
    for (const [name, actor] of all) expect(can(actor, 'learnerWork', 'review', { learnerId: idOf(actor) ?? 'x', moduleKind: 'assignment' }), name).toBe(false);
  });

  it('needs a second pair of eyes to publish: no author of the draft publishes it, except the academy with a recorded reason', () => {
    for (const [name, actor] of all) {
      const own = { networkId: network, audience: 'internal' as const, readable: true, authorIds: [idOf(actor) ?? 'x'] };
      expect(can(actor, 'article', 'publish', own), name).toBe(false);
    }
    expect(can(personas['lead expert'], 'article', 'publish', states.article['draft by the member']!)).toBe(true);
    expect(can(personas['academy-admin'], 'article', 'publish-own', states.article['draft by the admin']!)).toBe(true);
    expect(can(personas['lead expert'], 'article', 'publish-own', states.article['draft by the lead']!)).toBe(false);
  });

  it('gives editorial rights only to staff with the membership: a partner or a stripped account keeps nothing from old rows', () => {
    const stripped = actorOf({ id: 'lead', name: 'Oud', roles: [] }, [{ networkId: network, role: 'lead' }]);
    for (const actor of [personas['partner (ex-lead)'], stripped]) {
      for (const action of ['write', 'publish', 'read-articles', 'handle-signals'] as const) expect(can(actor, 'network', action, { networkId: network })).toBe(false);
      expect(can(actor, 'article', 'read', states.article['internal article']!)).toBe(false);
      expect(can(actor, 'article', 'read-editorial', states.article['internal article']!)).toBe(false);
    }
    expect(can(personas['author (other network)'], 'network', 'write', { networkId: network })).toBe(false);
    expect(can(personas['author (member)'], 'network', 'write', { networkId: network })).toBe(true);
  });

  it('leaves publishing modules, accreditation, sessions and paths to the academy-admin; authors draft', () => {
    for (const action of ['publish-modules', 'accredit', 'plan-sessions', 'publish-paths'] as const) {
      expect(all.filter(([, a]) => can(a, 'academy', action, {})).map(([n]) => n)).toEqual(['academy-admin']);
    }
    expect(can(personas['author (member)'], 'academy', 'draft-modules', {})).toBe(true);
    expect(can(personas['author (member)'], 'module', 'edit', states.module['draft, employees']!)).toBe(true);
    expect(can(personas['author (member)'], 'module', 'edit', states.module['published, employees']!)).toBe(false);
  });

  it('lets a SCORM package be uploaded as the module may be edited: authors for drafts, the academy always; employees never', () => {
    const published = states.scormPackage['published e-learning, employees']!;
    const draft = states.scormPackage['draft e-learning']!;
    expect(all.filter(([, a]) => can(a, 'scormPackage', 'upload', published)).map(([n]) => n)).toEqual(['academy-admin']);
    expect(all.filter(([, a]) => can(a, 'scormPackage', 'upload', draft)).map(([n]) => n).sort()).toEqual(['academy-admin', 'author (member)', 'author (other network)']);
    for (const [name, actor] of all) {
      // Whoever may edit the module may upload its package, and the other way round.
      expect(can(actor, 'scormPackage', 'upload', draft), name).toBe(can(actor, 'module', 'edit', draft.module));
      expect(can(actor, 'scormPackage', 'upload', published), name).toBe(can(actor, 'module', 'edit', published.module));
      if (can(actor, 'scormPackage', 'upload', draft)) expect(can(actor, 'scormPackage', 'read-import', draft), name).toBe(true);
    }
    // A draft module's package is hidden from employees (404), a published one's only refused (403).
    expect(statusOf(() => authorize(personas.employee, 'scormPackage', 'upload', draft))).toBe(404);
    expect(statusOf(() => authorize(personas.employee, 'scormPackage', 'upload', published))).toBe(403);
    // An employees' module is not there for anonymous callers at all.
    expect(statusOf(() => authorize(personas.anonymous, 'scormPackage', 'read-import', published))).toBe(404);
  });

  it('lets the academy and authors read a module\'s SCORM report (every learner\'s self-reported results); employees, trainers and partners never', () => {
    const published = states.scormPackage['published e-learning, employees']!;
    const draft = states.scormPackage['draft e-learning']!;
    expect(all.filter(([, a]) => can(a, 'scormPackage', 'read-report', published)).map(([n]) => n).sort()).toEqual(['academy-admin', 'author (member)', 'author (other network)']);
    for (const [name, actor] of all) {
      // Whoever reads the report may follow the package's imports, and the other way round.
      expect(can(actor, 'scormPackage', 'read-report', published), name).toBe(can(actor, 'scormPackage', 'read-import', published));
      expect(can(actor, 'scormPackage', 'read-report', draft), name).toBe(can(actor, 'scormPackage', 'read-import', draft));
    }
    // A published module's report is refused to an employee (403); a draft's is not there (404).
    expect(statusOf(() => authorize(personas.employee, 'scormPackage', 'read-report', published))).toBe(403);
    expect(statusOf(() => authorize(personas.employee, 'scormPackage', 'read-report', draft))).toBe(404);
    expect(statusOf(() => authorize(personas.trainer, 'scormPackage', 'read-report', published))).toBe(403);
    expect(statusOf(() => authorize(personas.anonymous, 'scormPackage', 'read-report', published))).toBe(404);
  });

  it('lets only learners themselves launch an e-learning attempt, as far as they may join the module; attempts are read by their learner, authors and the academy', () => {
    const own = states.scormAttempt["the employee's own, published e-learning"]!;
    const draft = states.scormAttempt["the employee's own, draft e-learning"]!;
    const forPartners = states.scormAttempt["the partner's own, e-learning for partners"]!;
    // Launching: nobody launches for someone else, not even the academy.
    expect(all.filter(([, a]) => can(a, 'scormAttempt', 'launch', own)).map(([n]) => n)).toEqual(['employee']);
    expect(all.filter(([, a]) => can(a, 'scormAttempt', 'launch', draft)).map(([n]) => n)).toEqual([]);
    expect(can(personas.partner, 'scormAttempt', 'launch', forPartners)).toBe(true);
    for (const [name, actor] of all) {
      // Whoever launches their own attempt may join the module; whoever may join it may launch their own.
      const mine = { ...own, learnerId: idOf(actor) ?? 'nobody' };
      expect(can(actor, 'scormAttempt', 'launch', mine), name).toBe(can(actor, 'module', 'join', own.module));
    }
    expect(all.filter(([, a]) => can(a, 'scormAttempt', 'read', own)).map(([n]) => n).sort()).toEqual(['academy-admin', 'author (member)', 'author (other network)', 'employee']);
    // Someone else's attempt is not there for another employee (404, as a missing one); a draft's for anonymous callers neither.
    expect(statusOf(() => authorize(personas['team-manager'], 'scormAttempt', 'read', own))).toBe(404);
    expect(statusOf(() => authorize(personas.trainer, 'scormAttempt', 'launch', own))).toBe(404);
    expect(statusOf(() => authorize(personas.anonymous, 'scormAttempt', 'launch', own))).toBe(404);
    expect(statusOf(() => authorize(personas.partner, 'scormAttempt', 'read', own))).toBe(404);
  });

  it('shows meeting links only to participants, the session\'s trainers and the academy', () => {
    const allowed = all.filter(([, a]) => can(a, 'session', 'read-meeting-link', states.session['without a seat']!)).map(([n]) => n);
    expect(allowed.sort()).toEqual(['academy-admin', 'trainer of the session']);
    expect(can(personas.employee, 'session', 'read-meeting-link', states.session['with a seat']!)).toBe(true);
  });
});

describe('attachments follow the published version', () => {
  const publicArticle = states.article['public article']!;
  const writers: Persona[] = ['author (member)', 'network author', 'lead expert', 'academy-admin'];

  it('serves readers only what the published version shows, with its audience; writers everything', () => {
    for (const [name, actor] of all) {
      const writer = writers.includes(name);
      // A draft's attachment of a public article: writers only, never anonymous.
      expect(can(actor, 'article', 'read-attachment', { ...publicArticle, attachmentPublished: false }), name).toBe(writer);
      // Shown by the published version: whoever reads that version.
      expect(can(actor, 'article', 'read-attachment', { ...publicArticle, attachmentPublished: true }), name).toBe(true);
      const internal = { ...states.article['internal article']!, attachmentPublished: true };
      expect(can(actor, 'article', 'read-attachment', internal), name).toBe(writer || can(actor, 'article', 'read', internal));
      // Never published: readers get nothing, whatever the attachment.
      expect(can(actor, 'article', 'read-attachment', { ...states.article['unpublished draft']!, attachmentPublished: true }), name).toBe(writer);
    }
  });

  it('lets the article\'s writers delete attachments and abandon drafts, nobody else', () => {
    for (const [name, actor] of all) {
      expect(can(actor, 'article', 'delete-attachment', publicArticle), name).toBe(writers.includes(name));
      expect(can(actor, 'article', 'discard-draft', publicArticle), name).toBe(writers.includes(name));
    }
  });
});

describe('authorize answers without leaking existence', () => {
  it('answers 404 for what is hidden, to anonymous and signed-in callers alike', () => {
    const internal = states.article['internal article']!;
    expect(statusOf(() => authorize(personas.anonymous, 'article', 'read', internal))).toBe(404);
    expect(statusOf(() => authorize(personas.partner, 'article', 'read', internal))).toBe(404);
    expect(statusOf(() => authorize(personas.partner, 'article', 'read-editorial', internal))).toBe(404);
    expect(statusOf(() => authorize(personas.employee, 'article', 'read', internal))).toBe(200);
  });

  it('answers 403 to a signed-in caller who can see the thing but may not act, and 401 to an anonymous one', () => {
    expect(statusOf(() => authorize(personas.employee, 'article', 'read-editorial', states.article['internal article']!))).toBe(403);
    expect(statusOf(() => authorize(personas.employee, 'academy', 'plan-sessions', {}))).toBe(403);
    expect(statusOf(() => authorize(personas.anonymous, 'academy', 'plan-sessions', {}))).toBe(401);
  });

  it('knows every action it is asked about', () => {
    expect(() => can(personas.employee, 'article', 'fly' as never, states.article['internal article']!)).toThrow(/No rule/);
    expect(describeRules().length).toBeGreaterThan(25);
  });
});

describe('abilities for the web', () => {
  it('summarise what a person may do, without role names', () => {
    expect(abilitiesOf(personas['academy-admin']).academy).toMatchObject({ 'publish-modules': true, 'plan-sessions': true, 'draft-modules': true });
    expect(abilitiesOf(personas['author (member)']).academy).toMatchObject({ 'publish-modules': false, 'draft-modules': true });
    expect(abilitiesOf(personas['author (member)']).knowledge).toEqual({ write: true, publish: false });
    expect(abilitiesOf(personas['lead expert']).networks).toEqual([{ networkId: network, write: true, publish: true }]);
    expect(abilitiesOf(personas.partner)).toMatchObject({ staff: false, partner: true, audiences: ['partners', 'public'], knowledge: { write: false, publish: false } });
    expect(abilitiesOf(personas.anonymous).audiences).toEqual(['public']);
  });
});

describe('docs/access.md', () => {
  it('is the generated table of the policy (run `npm run access-doc` after changing a rule)', () => {
    const onDisk = readFileSync(resolve(import.meta.dirname, '../../docs/access.md'), 'utf8');
    expect(onDisk).toBe(accessMarkdown());
  });

  it('covers every action in every state for every persona', () => {
    const rows = accessMatrix();
    expect(new Set(rows.map((r) => `${r.kind}.${r.action}`)).size).toBe(describeRules().length);
    for (const row of rows) expect(Object.keys(row.allowed)).toHaveLength(Object.keys(personas).length);
  });
});
