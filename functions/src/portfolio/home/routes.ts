import { createRoute } from '@hono/zod-openapi';
import { newRouter } from '../../platform/http/router';
import { commonProblems, json, security } from '../../platform/http/contract';
import { ctxOf } from '../context';
import { HomeSchema } from './schemas';
import * as svc from './service';

const home = createRoute({ method: 'get', path: '/home', tags: ['Start'], security, summary: 'Wat vandaag telt: verplichte scholing, volgende sessie, leerpad, registertekort; team (teamleider); sessies en opdrachten (trainer)', responses: { 200: json(HomeSchema, 'Startpagina'), ...commonProblems } });

/** `/api/me/home`. */
export const homeRoutes = newRouter().openapi(home, async (c) => c.json(await svc.home(ctxOf(c)), 200, { 'cache-control': 'private, no-store' }));
