import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { readSettings, SetupError } from '../../infra/lib/settings';
import { paths } from '../../infra/lib/paths';

const settings = (context: Record<string, unknown>, env: NodeJS.ProcessEnv = {}) => readSettings(new App({ context }).node, env);

describe('settings from context', () => {
  it('defaults to eu-west-1, the Academy prefix, web/dist and no dev origins', () => {
    expect(settings({})).toEqual({
      stackPrefix: 'Academy',
      region: 'eu-west-1',
      cognitoDomainPrefix: undefined,
      devOrigins: [],
      webDistPath: paths.defaultWebDist,
      webAclArn: undefined,
      wafApiRateLimit: 1500,
      apiReservedConcurrency: 50,
      alarmEmail: undefined,
      playerDistPath: paths.defaultPlayerDist,
      domains: undefined,
    });
  });

  it('reads the WAF rate limit, the reserved concurrency and the alarm address, and rejects nonsense', () => {
    const s = settings({ wafApiRateLimit: '600', apiReservedConcurrency: 20, alarmEmail: 'beheer@academie.example' });
    expect(s).toMatchObject({ wafApiRateLimit: 600, apiReservedConcurrency: 20, alarmEmail: 'beheer@academie.example' });
    expect(() => settings({ wafApiRateLimit: '50' })).toThrow(SetupError);
    expect(() => settings({ apiReservedConcurrency: '0' })).toThrow(SetupError);
    expect(() => settings({ apiReservedConcurrency: 'veel' })).toThrow(SetupError);
    expect(() => settings({ alarmEmail: 'beheer' })).toThrow(SetupError);
  });

  it('takes the region from context first, then CDK_DEFAULT_REGION', () => {
    expect(settings({ region: 'eu-central-1' }, { CDK_DEFAULT_REGION: 'eu-north-1' }).region).toBe('eu-central-1');
    expect(settings({}, { CDK_DEFAULT_REGION: 'eu-north-1' }).region).toBe('eu-north-1');
  });

  it('refuses a region outside the EU unless explicitly allowed', () => {
    expect(() => settings({}, { CDK_DEFAULT_REGION: 'us-east-1' })).toThrow(SetupError);
    expect(settings({ allowNonEuRegion: 'true' }, { CDK_DEFAULT_REGION: 'us-east-1' }).region).toBe('us-east-1');
  });

  it('accepts dev origins as a list or a comma-separated string, and rejects anything but an origin', () => {
    expect(settings({ devOrigins: ['http://localhost:3000/'] }).devOrigins).toEqual(['http://localhost:3000']);
    expect(settings({ devOrigins: 'http://localhost:3000, http://127.0.0.1:3000' }).devOrigins).toEqual([
      'http://localhost:3000',
      'http://127.0.0.1:3000',
    ]);
    expect(() => settings({ devOrigins: 'http://localhost:3000/aanmelden' })).toThrow(SetupError);
  });

  it('validates the stack prefix and the Cognito domain prefix', () => {
    expect(() => settings({ stackPrefix: 'my academy' })).toThrow(SetupError);
    expect(() => settings({ cognitoDomainPrefix: 'Academie_Test' })).toThrow(SetupError);
    expect(settings({ cognitoDomainPrefix: 'ggz-academie-test' }).cognitoDomainPrefix).toBe('ggz-academie-test');
  });

  it('resolves webDist and playerDist against the repository root', () => {
    expect(settings({ webDist: 'web/dist' }).webDistPath).toBe(paths.defaultWebDist);
    expect(settings({ playerDist: 'web/player/dist' }).playerDistPath).toBe(paths.defaultPlayerDist);
  });
});
