import type { Principal } from '../auth/principal';
import type { RequestLog } from './logging';
import type { PlatformDeps } from '../deps';
import type { Language } from './language';

/** Variables every handler can read from the Hono context. */
export interface AppEnv {
  Variables: {
    requestId: string;
    log: RequestLog;
    principal: Principal | null;
    deps: PlatformDeps;
    /** What the response says to people is in this language (from `Accept-Language`; Dutch by default). */
    language: Language;
  };
}
