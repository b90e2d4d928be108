/** Runtime configuration from `/config.json`: one build serves every environment. */
export interface LocalConfig {
  mode: 'local';
  contentOrigin: string;
}
export interface AwsConfig {
  mode: 'aws';
  contentOrigin: string;
  region: string;
  userPoolId: string;
  clientId: string;
  /** Hosted UI base URL, e.g. https://x.auth.eu-west-1.amazoncognito.com */
  cognitoDomain: string;
}
export type AppConfig = LocalConfig | AwsConfig;

let loaded: AppConfig | null = null;

export function parseConfig(raw: unknown): AppConfig {
  const c = (raw ?? {}) as Record<string, unknown>;
  const str = (key: string): string => {
    const v = c[key];
    if (typeof v !== 'string' || v === '') throw new Error(`config.json: "${key}" missing`);
    return v;
  };
  if (c.mode === 'local') return { mode: 'local', contentOrigin: str('contentOrigin') };
  if (c.mode === 'aws') {
    return {
      mode: 'aws',
      contentOrigin: str('contentOrigin'),
      region: str('region'),
      userPoolId: str('userPoolId'),
      clientId: str('clientId'),
      cognitoDomain: str('cognitoDomain').replace(/\/+$/, ''),
    };
  }
  throw new Error('config.json: "mode" must be "local" or "aws"');
}

export async function loadConfig(): Promise<AppConfig> {
  // no-store: a redeploy may change the config while the hashed bundle stays cached.
  const res = await fetch('/config.json', { cache: 'no-store', headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`config.json: HTTP ${res.status}`);
  loaded = parseConfig(await res.json());
  return loaded;
}

export function config(): AppConfig {
  if (!loaded) throw new Error('config() called before loadConfig()');
  return loaded;
}
