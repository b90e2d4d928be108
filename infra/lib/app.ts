import { App, Tags } from 'aws-cdk-lib';
import { addNagChecks } from './nag';
import { edgeRegion, readSettings, type AcademySettings, type SettingsOverrides } from './settings';
import { AppStack } from './stacks/app-stack';
import { DataStack } from './stacks/data-stack';
import { EdgeMonitoringStack } from './stacks/edge-monitoring-stack';
import { EdgeStack } from './stacks/edge-stack';
import { IdentityStack } from './stacks/identity-stack';
import { assertWebBuild, WebStack } from './stacks/web-stack';

export interface BuildAppOptions extends SettingsOverrides {
  /** Context (feature flags, settings). The CLI passes cdk.json itself; tests pass it here. */
  context?: Record<string, unknown>;
  /** Where synth writes the cloud assembly; defaults to the CLI's choice or a temp dir. */
  outdir?: string;
  /** Environment to read CDK_DEFAULT_REGION from; tests pass a fixed one. */
  env?: NodeJS.ProcessEnv;
  /**
   * CDK's built-in CloudFormation rule check at synth (on by default; about 10 s for this app).
   * Template-assertion tests turn it off; the cdk-nag and CLI synth tests keep it.
   */
  cloudFormationValidation?: boolean;
}

export interface AcademyApp {
  app: App;
  settings: AcademySettings;
  stacks: { data: DataStack; identity: IdentityStack; app: AppStack; web: WebStack; edge?: EdgeStack; edgeMonitoring: EdgeMonitoringStack };
}

/**
 * Builds the whole CDK app in-process: bin/app.ts for the CLI, and the tests, call this.
 * Stacks are env-agnostic for the account and pinned to one region (eu-west-1 by default).
 */
export function buildApp(options: BuildAppOptions = {}): AcademyApp {
  const app = new App({
    context: options.context,
    outdir: options.outdir,
    builtinCloudFormationValidation: options.cloudFormationValidation ?? true,
  });
  const settings = readSettings(app.node, options.env ?? process.env, options);
  assertWebBuild(settings.webDistPath);
  assertWebBuild(settings.playerDistPath);
  const env = { region: settings.region };
  const name = (part: string) => `${settings.stackPrefix}-${part}`;

  const data = new DataStack(app, name('Data'), {
    env,
    description: 'Academy data: DynamoDB table, content and attachments buckets, access logs',
  });
  const identity = new IdentityStack(app, name('Identity'), {
    env,
    description: 'Academy identity: Cognito user pool, role groups, hosted UI domain',
    stackPrefix: settings.stackPrefix,
    cognitoDomainPrefix: settings.cognitoDomainPrefix,
  });
  // CloudFront takes its web ACL from us-east-1; unless one is given in context, the Edge stack makes it.
  const edge = settings.webAclArn
    ? undefined
    : new EdgeStack(app, name('Edge'), {
        env: { region: edgeRegion },
        description: 'Academy edge (us-east-1): the WAF web ACL of both CloudFront distributions',
        apiRateLimitPer5Minutes: settings.wafApiRateLimit,
      });
  const appStack = new AppStack(app, name('App'), {
    env,
    description: 'Academy application: API, app and content distributions, uploads, app client',
    data,
    identity,
    stackPrefix: settings.stackPrefix,
    devOrigins: settings.devOrigins,
    webAclArn: settings.webAclArn ?? edge!.webAcl.acl.attrArn,
    apiReservedConcurrency: settings.apiReservedConcurrency,
    alarmEmail: settings.alarmEmail,
    domains: settings.domains,
  });
  const edgeMonitoring = new EdgeMonitoringStack(app, name('EdgeMonitoring'), {
    env: { region: edgeRegion },
    description: 'Academy CloudFront alarms and dashboard (us-east-1, where CloudFront publishes its metrics)',
    stackPrefix: settings.stackPrefix,
    alarmEmail: settings.alarmEmail,
    distributions: [
      { name: 'App', distribution: appStack.appDistribution.distribution },
      { name: 'Content', distribution: appStack.contentDistribution.distribution },
    ],
  });
  const web = new WebStack(app, name('Web'), {
    env,
    description: 'Academy front end: static files and runtime config.json',
    app: appStack,
    identity,
    webDistPath: settings.webDistPath,
    playerDistPath: settings.playerDistPath,
    data,
  });

  Tags.of(app).add('project', 'academy');
  addNagChecks(app);
  return { app, settings, stacks: { data, identity, app: appStack, web, edge, edgeMonitoring } };
}
