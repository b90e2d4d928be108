import type { Distribution } from 'aws-cdk-lib/aws-cloudfront';
import { acknowledge } from '../nag';

/** Findings both distributions share, acknowledged with the same reasons. */
export function acknowledgeDistributionDefaults(distribution: Distribution, opts: { hasWebAcl: boolean; hasCustomDomain?: boolean }): void {
  acknowledge(
    distribution,
    'AwsSolutions-CFR1',
    'No geo restriction: public knowledge is for anyone, and staff and partners also work from abroad.',
  );
  if (!opts.hasWebAcl) {
    acknowledge(
      distribution,
      'AwsSolutions-CFR2',
      'WAF is optional (context webAclArn): a CloudFront web ACL must live in us-east-1 and costs money per month; ' +
        'attach one per environment once traffic warrants it.',
    );
  }
  // With a custom domain and ACM certificate the distribution sets TLSv1.2_2021 itself.
  if (opts.hasCustomDomain) return;
  acknowledge(
    distribution,
    'AwsSolutions-CFR4',
    'Uses the default *.cloudfront.net certificate, whose security policy CloudFront fixes (TLSv1); a minimum ' +
      'protocol (TLSv1.2_2021) can only be set together with a custom domain and ACM certificate, a follow-up per environment.',
  );
}
