import { describe, expect, it } from 'vitest';
import { api, demo, tokenFor } from '../support/api';
import { syntheticEmployees } from '../support/learning';
import { CatalogueResultSchema, MyLearningSchema, MyPathStateSchema, PathSummarySchema } from '../../functions/src/routes/learning-schemas';
import { z } from '@hono/zod-openapi';

/** The academy's documented response shapes are what the routes really send: every documented field, with its type. */
describe('academy responses match the OpenAPI document', () => {
  const strict = <T extends z.ZodType>(schema: T, value: unknown) => {
    const result = schema.safeParse(value);
    expect(result.success, result.success ? '' : JSON.stringify(result.error.issues.slice(0, 3))).toBe(true);
  };

  it('documents and sends the catalogue, paths, path progress and Mijn leren', async () => {
    const noor = await tokenFor(demo.employee);
    strict(CatalogueResultSchema, (await api('/api/modules?limit=100', { token: noor })).data);
    strict(CatalogueResultSchema, (await api('/api/modules?vanaf=2026-01-01&from=2026-01-01')).data);
    const paths = (await api('/api/paths')).data;
    strict(z.array(PathSummarySchema), paths);
    const [learner] = await syntheticEmployees(1, 'u-contract');
    const enrolled = await api(`/api/paths/${paths[0].id}/enrol`, { method: 'POST', token: learner!.token });
    expect(enrolled.status).toBe(201);
    strict(MyPathStateSchema, enrolled.data);
    strict(MyPathStateSchema, (await api(`/api/paths/${paths[0].id}`, { token: learner!.token })).data.my);
    const mine = (await api('/api/me/learning', { token: learner!.token })).data;
    expect(mine.paths).toHaveLength(1);
    strict(MyLearningSchema, mine);
    strict(MyLearningSchema, (await api('/api/me/learning', { token: noor })).data);

    const doc = (await api('/api/openapi.json')).data;
    for (const name of ['CatalogueResult', 'MyLearning', 'MyPathState', 'PathSummary', 'WaitingSubmission', 'LearnerFile', 'PresignedPost']) {
      expect(doc.components.schemas[name], name).toBeDefined();
    }
    expect(doc.paths['/api/me/learning'].get.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/MyLearning');
  });
});
