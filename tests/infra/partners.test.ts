import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partnerAccountActions } from '../../infra/lib/constructs/api-function';
import { renderSample, resourceByIdPrefix, resourcesOfType, synthApp, type BuiltApp } from './support';

/** Partner invitations in AWS (functions/src/partners/accounts.ts): the API creates and disables partner users in the pool, and nowhere else. */
let built: BuiltApp;
beforeAll(() => {
  built = synthApp();
}, 120_000);
afterAll(() => built?.cleanup());

const apiFunction = () => resourceByIdPrefix(built.templates.app, 'AWS::Lambda::Function', 'ApiFunction');

describe('partner accounts in the user pool', () => {
  it('tells the API which pool, and lets it create, group, disable and sign out users in that pool only', () => {
    const variables = apiFunction().Properties.Environment.Variables as Record<string, unknown>;
    expect(renderSample(variables.COGNITO_USER_POOL_ID)).toMatch(/^<import:Academy-Identity:[^>]*UserPool[^>]*>$/);
    const roleId = apiFunction().Properties.Role['Fn::GetAtt'][0];
    const statements = Object.values(resourcesOfType(built.templates.app, 'AWS::IAM::Policy'))
      .filter((p) => (p.Properties?.Roles as Array<{ Ref: string }>).some((r) => r.Ref === roleId))
      .flatMap((p) => p.Properties!.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown }>);
    const cognito = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('cognito-idp:')));
    expect(cognito).toHaveLength(1);
    expect([cognito[0]!.Action].flat().sort()).toEqual([...partnerAccountActions].sort());
    expect([cognito[0]!.Action].flat()).not.toContain('cognito-idp:AdminDeleteUser');
    const resources = [cognito[0]!.Resource].flat().map((r) => renderSample(r));
    expect(resources).toHaveLength(1);
    expect(resources[0]).toMatch(/^<import:Academy-Identity:[^>]*UserPool[^>]*Arn[^>]*>$/);
  });
});
