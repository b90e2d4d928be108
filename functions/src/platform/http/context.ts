import type { Principal } from '../auth/principal';
import type { RequestLog } from './logging';
import type { PlatformDeps } from '../deps';

/** Variables every handler can read from the Hono context. */
export interface AppEnv {
  Variables: {
    requestId: string;
    log: RequestLog;
    principal: Principal | null;
    deps: PlatformDeps;
  };
}
