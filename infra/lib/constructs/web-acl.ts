import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { apiPathPattern } from './app-distribution';

export interface WebAclProps {
  /** Requests per IP in a 5-minute window to /api/* before that IP is blocked. */
  apiRateLimitPer5Minutes: number;
}

/** AWS managed rule groups, in evaluation order, with the rules that count instead of block (see below). */
export const managedRuleGroups = [
  { name: 'AWSManagedRulesAmazonIpReputationList', countOnly: [] as string[] },
  {
    name: 'AWSManagedRulesCommonRuleSet',
    // Authors save articles of up to 300 KB of Markdown (limits in knowledge/), which may quote
    // HTML; the API sanitises what it renders. Blocking larger or HTML-like bodies would block the
    // editor, so these two only count (visible in the WAF metrics).
    countOnly: ['SizeRestrictions_BODY', 'CrossSiteScripting_BODY'],
  },
  { name: 'AWSManagedRulesKnownBadInputsRuleSet', countOnly: [] as string[] },
] as const;

/**
 * The WAF in front of both CloudFront distributions (scope CLOUDFRONT, so it must be created in
 * us-east-1: see EdgeStack). A per-IP rate rule on the API, then AWS managed rules: IP reputation,
 * the common rule set and known bad inputs. Per-user limits on what creates work for others are
 * the API's own (functions/src/platform/http/rate-limit.ts).
 */
export class WebAcl extends Construct {
  readonly acl: CfnWebACL;

  constructor(scope: Construct, id: string, props: WebAclProps) {
    super(scope, id);
    const visibility = (metricName: string) => ({ cloudWatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true });
    const apiPrefix = apiPathPattern.replace(/\*$/, '');

    const rules: CfnWebACL.RuleProperty[] = [
      {
        name: 'ApiRatePerIp',
        priority: 0,
        action: { block: { customResponse: { responseCode: 429, responseHeaders: [{ name: 'retry-after', value: '300' }] } } },
        statement: {
          rateBasedStatement: {
            limit: props.apiRateLimitPer5Minutes,
            evaluationWindowSec: 300,
            aggregateKeyType: 'IP',
            scopeDownStatement: {
              byteMatchStatement: {
                fieldToMatch: { uriPath: {} },
                positionalConstraint: 'STARTS_WITH',
                searchString: apiPrefix,
                textTransformations: [{ priority: 0, type: 'NONE' }],
              },
            },
          },
        },
        visibilityConfig: visibility('ApiRatePerIp'),
      },
      ...managedRuleGroups.map(
        (group, index): CfnWebACL.RuleProperty => ({
          name: group.name,
          priority: index + 1,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name: group.name,
              ruleActionOverrides: group.countOnly.length ? group.countOnly.map((name) => ({ name, actionToUse: { count: {} } })) : undefined,
            },
          },
          visibilityConfig: visibility(group.name),
        }),
      ),
    ];

    this.acl = new CfnWebACL(this, 'Acl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      description: 'Academy: per-IP rate limit on /api and AWS managed rules, for the app and content distributions',
      visibilityConfig: visibility('AcademyWebAcl'),
      rules,
    });
  }
}
