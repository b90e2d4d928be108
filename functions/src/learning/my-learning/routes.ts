import { createRoute } from '@hono/zod-openapi';
import { newRouter } from '../../platform/http/router';
import { json, security } from '../../platform/http/contract';
import { MyLearningSchema } from '../schemas';
import { ctxOf } from '../shared/context';
import { errors } from '../shared/contract';
import * as svc from './service';

// ---- /api/me -------------------------------------------------------------------------------------
const myLearning = createRoute({ method: 'get', path: '/learning', tags: ['Leren'], security, summary: 'Mijn leren: leerpaden, sessies, opdrachten, afgerond, accreditatie', responses: { 200: json(MyLearningSchema, 'Overzicht'), 401: errors[401] } });

/** Mijn leren's router, joined into `/api/me` by app.ts (see ../index.ts). */
export const routes = {
  me: newRouter().openapi(myLearning, async (c) => c.json(await svc.myLearning(ctxOf(c)), 200)),
};
