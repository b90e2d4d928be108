import { z } from '@hono/zod-openapi';
import { commonProblems, problemResponse } from '../../platform/http/contract';

/** Route building blocks shared by the academy's routers (request/response schemas are in ../schemas.ts). */
export const errors = { ...commonProblems, 409: problemResponse('Conflict: dubbel, vol, begonnen of gewijzigd') };
export const Id = z.string().min(1).max(80);
