import { beforeAll, describe, expect, it } from 'vitest';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { loadConfig } from '../../functions/src/platform/config';
import * as learning from '../../functions/src/learning/catalogue/service';
import type { LearningCtx } from '../../functions/src/learning/shared/context';
import { createStoreClients, type StoreClients } from '../../functions/src/platform/store/clients';
import { learnerRecord } from '../../functions/src/learning/shared/store';
import { api, demo, stack, tokenFor } from '../support/api';
import { createModule, readingArticleSlug, syntheticEmployees, unique } from '../support/learning';

/**
 * The same request several times at once, as a double click or a retrying client sends it: the
 * store's conditional writes must let exactly one through. Every fixture is made by the test.
 */
const times = 6;
const record = (userId: string) => learnerRecord(createStoreClients(loadConfig(stack().env)), userId);
const statusesOf = (results: Array<{ status: number }>) => results.map((r) => r.status).sort();

let admin: string;
let article: string;
beforeAll(async () => {
  admin = await tokenFor(demo.admin);
  article = await readingArticleSlug();
});

/** A published path over two reading modules (both required unless said otherwise). */
async function twoStepPath(u: string, second: { required: boolean } = { required: true }) {
  const a = await createModule(admin, { kind: 'reading', title: `Race A ${u}`, articleSlug: article, accreditation: [{ register: 'NIP', points: 2 }] });
  const b = await createModule(admin, { kind: 'reading', title: `Race B ${u}`, articleSlug: article, accreditation: [{ register: 'NIP', points: 1 }] });
  const steps = (required: boolean) => [
    { id: 's1', moduleId: a.id, required: true, unlockAfter: [] },
    { id: 's2', moduleId: b.id, required, unlockAfter: [] },
  ];
  const path = await api('/api/paths', { method: 'POST', token: admin, json: { title: `Racepad ${u}`, description: 'Twee leesstappen.', minOptional: 0, steps: steps(second.required) } });
  expect(path.status, JSON.stringify(path.data)).toBe(201);
  return { pathId: path.data.id as string, a, b, steps };
}

describe('the same request at once', () => {
  it('enrols a learner in a path once when the enrolment is sent several times at once, with one completion', async () => {
    const u = unique();
    const p = await twoStepPath(u);
    const [learner] = await syntheticEmployees(1, 'u-race-enrol');
    // Both modules done beforehand, so the enrolment that wins also completes the path.
    for (const m of [p.a, p.b]) expect((await api(`/api/modules/${m.id}/complete`, { method: 'POST', token: learner!.token })).status).toBe(200);

    const results = await Promise.all(Array.from({ length: times }, () => api(`/api/paths/${p.pathId}/enrol`, { method: 'POST', token: learner!.token })));
    expect(statusesOf(results)).toEqual([201, ...Array(times - 1).fill(409)]);
    expect(results.find((r) => r.status === 201)!.data).toMatchObject({ enrolledVersion: 1, progress: { complete: true } });
    for (const r of results.filter((x) => x.status === 409)) expect(r.data.type).toBe('https://academie.example/problems/conflict');

    const after = await record(learner!.id);
    expect(after.paths.filter((x) => x.pathId === p.pathId)).toHaveLength(1);
    expect(after.events).toEqual([expect.objectContaining({ kind: 'path-completed', pathId: p.pathId, version: 1, accreditation: [{ register: 'NIP', points: 3 }] })]);
  });

  it('migrates a learner once when the migration is sent several times at once, with one completion', async () => {
    const u = unique();
    const p = await twoStepPath(u);
    const [learner] = await syntheticEmployees(1, 'u-race-migrate');
    expect((await api(`/api/paths/${p.pathId}/enrol`, { method: 'POST', token: learner!.token })).status).toBe(201);
    expect((await api(`/api/modules/${p.a.id}/complete`, { method: 'POST', token: learner!.token })).status).toBe(200);
    // Version 2 makes the unread module optional: migrating completes the path.
    const v2 = await api(`/api/paths/${p.pathId}/versions`, { method: 'POST', token: admin, json: { title: `Racepad ${u}`, description: 'Tweede leesstap optioneel.', minOptional: 0, steps: p.steps(false) } });
    expect(v2.data.version).toBe(2);

    const results = await Promise.all(Array.from({ length: times }, () => api(`/api/paths/${p.pathId}/migrate`, { method: 'POST', token: learner!.token })));
    const statuses = statusesOf(results);
    // One migration moves the enrolment; the others find it moved (200, nothing left to do) or changed under them (409).
    expect(statuses.every((s) => s === 200 || s === 409), JSON.stringify(statuses)).toBe(true);
    expect(statuses).toContain(200);
    for (const r of results.filter((x) => x.status === 200)) expect(r.data).toMatchObject({ enrolledVersion: 2, latestVersion: 2, progress: { complete: true } });

    const after = await record(learner!.id);
    expect(after.paths.filter((x) => x.pathId === p.pathId)).toEqual([expect.objectContaining({ version: 2, completedAt: expect.any(String) })]);
    expect(after.events).toEqual([expect.objectContaining({ kind: 'path-completed', pathId: p.pathId, version: 2, accreditation: [{ register: 'NIP', points: 2 }] })]);
  });

  it('records one evaluation when a learner sends theirs several times at once', async () => {
    const u = unique();
    const m = await createModule(admin, { kind: 'reading', title: `Race evaluatie ${u}`, articleSlug: article });
    const [learner] = await syntheticEmployees(1, 'u-race-eval');
    expect((await api(`/api/modules/${m.id}/complete`, { method: 'POST', token: learner!.token })).status).toBe(200);

    const ratings = [1, 2, 3, 4, 5, 5];
    const results = await Promise.all(ratings.map((rating) => api('/api/evaluations', { method: 'POST', token: learner!.token, json: { targetType: 'module', targetId: m.id, rating } })));
    expect(statusesOf(results)).toEqual([201, ...Array(ratings.length - 1).fill(409)]);
    const winner = results.find((r) => r.status === 201)!.data as { rating: number };
    const summary = await api(`/api/evaluations/module/${m.id}`, { token: admin });
    expect(summary.data).toMatchObject({ count: 1, average: winner.rating });
  });

  it('keeps exactly one of several module edits sent at once with the same expected revision', async () => {
    const u = unique();
    const m = await createModule(admin, { kind: 'elearning', title: `Race bewerken ${u}` });
    const startRev = m.rev;
    const edits = Array.from({ length: times }, (_, i) => ({
      kind: 'elearning',
      title: `Race bewerken ${u} versie ${i}`,
      description: `Beschrijving van bewerking ${i}.`,
      durationMinutes: 30 + i,
      enrolAudience: 'employees',
      status: 'published',
      expectedRev: startRev,
    }));
    const results = await Promise.all(edits.map((json) => api(`/api/modules/${m.id}`, { method: 'PUT', token: admin, json })));
    expect(statusesOf(results)).toEqual([200, ...Array(times - 1).fill(409)]);
    for (const r of results.filter((x) => x.status === 409)) expect(r.data).toMatchObject({ type: 'https://academie.example/problems/version-conflict', currentRev: startRev + 1 });
    const won = edits[results.findIndex((r) => r.status === 200)]!;

    // What is stored is the winner's edit, at the next revision, listed once.
    const stored = (await api(`/api/modules/${m.id}`, { token: admin })).data.module;
    expect(stored).toMatchObject({ rev: startRev + 1, title: won.title, description: won.description, durationMinutes: won.durationMinutes });
    const listed = (await api('/api/academy/modules', { token: admin })).data.filter((x: { id: string }) => x.id === m.id);
    expect(listed).toEqual([expect.objectContaining({ rev: startRev + 1, title: won.title })]);
    const found = await api(`/api/modules?q=${u}&limit=100`, { token: admin });
    expect(found.data.modules.map((x: { id: string; title: string }) => [x.id, x.title])).toEqual([[m.id, won.title]]);
  });
});

describe('the catalogue while it is being read', () => {
  /**
   * The API keeps the catalogue in memory and forgets it on every change. A load that read the table
   * just before a module was written must then be neither shared with later readers nor cached, or
   * the new module is missing from the catalogue for seconds. The timing is made certain here by
   * running the catalogue code in this process over a store whose catalogue Query answers late.
   */
  it('shows a module as soon as it is created, even when a catalogue load began just before', async () => {
    const store = createStoreClients(loadConfig(stack().env));
    let queried!: () => void;
    const tableRead = new Promise<void>((r) => (queried = r));
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const slow = {
      ...store,
      doc: {
        send: async (command: unknown) => {
          const res = await store.doc.send(command as QueryCommand);
          if (command instanceof QueryCommand && command.input.ExpressionAttributeValues?.[':pk'] === 'MODULES#published') {
            queried();
            await held;
          }
          return res;
        },
      },
    } as unknown as StoreClients;
    const academy: LearningCtx = { store, principal: { id: demo.admin, name: 'Sanne de Vries', roles: ['academy-admin'] } };
    const title = `Zichtbaar ${unique()}`;
    const query = { q: title, limit: 100, offset: 0 };

    learning.forgetCatalogue();
    const early = learning.searchCatalogue({ store: slow, principal: null }, { limit: 100, offset: 0 });
    await tableRead; // the load has read the table...
    const created = await learning.createModule(academy, { kind: 'elearning', title, description: 'Net aangemaakt.', learningGoals: [], durationMinutes: 30, themes: [], targetAudience: [], accreditation: [], enrolAudience: 'public', language: 'nl', status: 'published' });
    // ...and is still running when the next reader asks, after the module was written.
    const later = learning.searchCatalogue({ store, principal: null }, query);
    release();
    await early;
    expect((await later).modules.map((m) => m.id)).toEqual([created.id]);
    // Nor did the early load end up in the cache.
    expect((await learning.searchCatalogue({ store, principal: null }, query)).modules.map((m) => m.id)).toEqual([created.id]);
  });
});
