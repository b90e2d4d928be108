import { readFileSync } from 'node:fs';
import { Aws, CustomResource, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { CfnResponseHeadersPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { paths } from '../paths';
import { acknowledge } from '../nag';
import { toCloudFrontApiShape } from './security-headers';

export interface HeadersPolicyLinkProps {
  /** The policy CloudFormation creates with placeholders for the values that would form a cycle. */
  policy: CfnResponseHeadersPolicy;
  /** The complete configuration (CloudFormation shape), tokens allowed. */
  config: CfnResponseHeadersPolicy.ResponseHeadersPolicyConfigProperty;
}

/**
 * Completes a response-headers policy after deployment: see runtime/link-headers-policy.cjs for
 * why. Runs again whenever the configuration changes, because it is a property of the resource.
 */
export class HeadersPolicyLink extends Construct {
  constructor(scope: Construct, id: string, props: HeadersPolicyLinkProps) {
    super(scope, id);

    const logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // An explicit role: the default one carries the AWS-managed basic execution policy (logs:* on every group).
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);
    role.addToPolicy(
      new PolicyStatement({
        actions: ['cloudfront:GetResponseHeadersPolicyConfig', 'cloudfront:UpdateResponseHeadersPolicy'],
        resources: [`arn:${Aws.PARTITION}:cloudfront::${Aws.ACCOUNT_ID}:response-headers-policy/${props.policy.ref}`],
      }),
    );

    const handler = new LambdaFunction(this, 'Handler', {
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      handler: 'index.handler',
      code: Code.fromInline(readFileSync(paths.headersPolicyLinkHandler, 'utf8')),
      timeout: Duration.minutes(2),
      memorySize: 256,
      role,
      logGroup,
      description: 'Completes the app response-headers policy once the domains it names exist',
    });
    acknowledge(
      handler,
      'AwsSolutions-L1',
      'Node.js 22 on purpose: the same runtime as the API function and the version the project builds and tests with.',
    );

    new CustomResource(this, 'Resource', {
      serviceToken: handler.functionArn,
      resourceType: 'Custom::HeadersPolicyLink',
      properties: {
        PolicyId: props.policy.ref,
        Config: Stack.of(this).toJsonString(toCloudFrontApiShape(props.config)),
      },
    });
  }
}
