import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPathPattern } from '../../infra/lib/constructs/app-distribution';
import { managedRuleGroups } from '../../infra/lib/constructs/web-acl';
import { edgeRegion, settingDefaults } from '../../infra/lib/settings';
import { resourceByIdPrefix, resourcesOfType, synthApp, type BuiltApp } from './support';

let built: BuiltApp;
beforeAll(() => {
  built = synthApp();
}, 120_000);
afterAll(() => built?.cleanup());

const acl = () => resourceByIdPrefix(built.templates.edge!, 'AWS::WAFv2::WebACL', 'WebAcl').Properties;
const rule = (name: string) => (acl().Rules as Array<Record<string, any>>).find((r) => r.Name === name);

describe('WAF web ACL (Edge stack, us-east-1)', () => {
  it('is created by default, for CloudFront, in us-east-1', () => {
    expect(built.stacks.edge).toBeDefined();
    expect(built.stacks.edge!.region).toBe(edgeRegion);
    expect(edgeRegion).toBe('us-east-1');
    expect(acl().Scope).toBe('CLOUDFRONT');
    expect(acl().DefaultAction).toEqual({ Allow: {} });
    expect(acl().VisibilityConfig).toMatchObject({ CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true });
  });

  it('blocks an IP that sends too many API requests in 5 minutes, with a 429', () => {
    const rate = rule('ApiRatePerIp')!;
    expect(rate.Priority).toBe(0);
    expect(rate.Statement.RateBasedStatement).toMatchObject({ Limit: settingDefaults.wafApiRateLimit, EvaluationWindowSec: 300, AggregateKeyType: 'IP' });
    expect(rate.Statement.RateBasedStatement.ScopeDownStatement.ByteMatchStatement).toMatchObject({
      FieldToMatch: { UriPath: {} },
      PositionalConstraint: 'STARTS_WITH',
      SearchString: apiPathPattern.replace(/\*$/, ''),
    });
    expect(rate.Action.Block.CustomResponse.ResponseCode).toBe(429);
  });

  it('runs the AWS managed rule groups: IP reputation, common rule set, known bad inputs', () => {
    for (const name of ['AWSManagedRulesAmazonIpReputationList', 'AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet']) {
      const group = rule(name);
      expect(group, name).toBeDefined();
      expect(group!.Statement.ManagedRuleGroupStatement).toMatchObject({ VendorName: 'AWS', Name: name });
      expect(group!.OverrideAction).toEqual({ None: {} });
    }
    // Only the body-size and body-XSS rules count instead of block: authors save long Markdown articles.
    const common = rule('AWSManagedRulesCommonRuleSet')!.Statement.ManagedRuleGroupStatement;
    expect(common.RuleActionOverrides.map((o: { Name: string }) => o.Name).sort()).toEqual(['CrossSiteScripting_BODY', 'SizeRestrictions_BODY']);
    expect(rule('AWSManagedRulesKnownBadInputsRuleSet')!.Statement.ManagedRuleGroupStatement.RuleActionOverrides).toBeUndefined();
    expect(managedRuleGroups).toHaveLength(3);
  });

  it('protects both distributions', () => {
    for (const prefix of ['AppDelivery', 'ContentDelivery']) {
      const config = resourceByIdPrefix(built.templates.app, 'AWS::CloudFront::Distribution', prefix).Properties.DistributionConfig;
      // The ACL's ARN, read across regions (CDK writes it to SSM in eu-west-1 from the Edge stack).
      expect(JSON.stringify(config.WebACLId), prefix).toMatch(/ExportsReader.*WebAcl.*Arn/);
    }
  });

  it('takes the rate limit from context, and uses an existing web ACL instead of creating one when given', () => {
    const custom = synthApp({ extraContext: { wafApiRateLimit: '600' } });
    try {
      const rate = (resourceByIdPrefix(custom.templates.edge!, 'AWS::WAFv2::WebACL', 'WebAcl').Properties.Rules as Array<Record<string, any>>)[0]!;
      expect(rate.Statement.RateBasedStatement.Limit).toBe(600);
    } finally {
      custom.cleanup();
    }
    const arn = 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/existing/abc';
    const existing = synthApp({ extraContext: { webAclArn: arn } });
    try {
      expect(existing.stacks.edge).toBeUndefined();
      for (const template of existing.allTemplates) expect(Object.keys(resourcesOfType(template, 'AWS::WAFv2::WebACL'))).toHaveLength(0);
      for (const prefix of ['AppDelivery', 'ContentDelivery']) {
        expect(resourceByIdPrefix(existing.templates.app, 'AWS::CloudFront::Distribution', prefix).Properties.DistributionConfig.WebACLId).toBe(arn);
      }
    } finally {
      existing.cleanup();
    }
  }, 120_000);
});
