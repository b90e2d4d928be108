import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { WebAcl } from '../constructs/web-acl';

export interface EdgeStackProps extends StackProps {
  apiRateLimitPer5Minutes: number;
}

/**
 * What CloudFront needs from us-east-1 before the distributions exist: the web ACL (scope
 * CLOUDFRONT can only be created there). Configuration only, no data, so the EU-region rule for
 * data does not apply. The App stack reads the ACL's ARN through CDK's cross-region references.
 */
export class EdgeStack extends Stack {
  readonly webAcl: WebAcl;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, { ...props, crossRegionReferences: true });
    this.webAcl = new WebAcl(this, 'WebAcl', { apiRateLimitPer5Minutes: props.apiRateLimitPer5Minutes });
  }
}
