import { existsSync } from 'node:fs';
import path from 'node:path';
import { DefaultStackSynthesizer, Stack, type StackProps } from 'aws-cdk-lib';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import type { Construct } from 'constructs';
import { acknowledge, nagReference, stackChildrenStartingWith } from '../nag';
import { paths } from '../paths';
import { SetupError } from '../settings';
import type { AwsConfig } from '../../../web/src/config';
import { packagesPrefix } from '../../../functions/src/scorm/domain/locations';
import { contentPaths, playerKeyPrefix } from '../constructs/content-distribution';
import type { AppStack } from './app-stack';
import type { DataStack } from './data-stack';
import type { IdentityStack } from './identity-stack';

export interface WebStackProps extends StackProps {
  app: AppStack;
  identity: IdentityStack;
  /** Directory with the Vite build (index.html, assets/). */
  webDistPath: string;
  /** Directory with the SCORM player's Vite build (web/player/dist), copied to the content bucket under player/. */
  playerDistPath: string;
  /** The content bucket (named import) the player goes to. */
  data: DataStack;
}

/**
 * The front end must be built before synth. buildApp checks this before any stack is built, so
 * the one line below is all a developer sees, not esbuild output followed by a stack trace.
 */
export function assertWebBuild(webDistPath: string): void {
  if (!existsSync(webDistPath)) {
    const relative = path.relative(paths.repoRoot, path.resolve(paths.repoRoot, webDistPath));
    const shown = relative.startsWith('..') ? webDistPath : relative;
    throw new SetupError(`${shown} is missing: run \`npm run build:web\` first`);
  }
}

/**
 * The front end's files and its runtime config.json, copied into the web bucket on every deploy,
 * and the SCORM player's build, copied into the content bucket under `player/`.
 * A stack of its own so a front-end release is `cdk deploy <prefix>-Web` and nothing else.
 */
export class WebStack extends Stack {
  /** What /config.json holds (tokens resolve at deploy time). */
  readonly runtimeConfig: AwsConfig;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    assertWebBuild(props.webDistPath);
    const { app, identity } = props;
    // Named import: CDK's grants on it appear in cdk-nag findings under a name we can write down.
    const bucket = Bucket.fromBucketAttributes(this, 'WebBucketRef', app.shared.webBucket);

    // Vite puts content-hashed files under assets/: cache them for a year, and keep old ones so
    // a browser still holding the previous index.html can load what it references.
    const hashedAssets = new BucketDeployment(this, 'HashedAssets', {
      sources: [Source.asset(props.webDistPath)],
      destinationBucket: bucket,
      exclude: ['*'],
      include: ['assets/*'],
      prune: false,
      cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
      memoryLimit: 512,
    });

    // The front end's own type (web/src/config.ts), so both sides agree on every field.
    const config: AwsConfig = {
      mode: 'aws',
      region: this.region,
      userPoolId: identity.userPool.userPoolId,
      clientId: app.appClient.userPoolClientId,
      cognitoDomain: identity.hostedUiUrl,
      contentOrigin: app.contentDistribution.origin,
    };
    // Everything else (index.html, config.json, icons) must be revalidated, so a release shows at once.
    const entryFiles = new BucketDeployment(this, 'EntryFiles', {
      sources: [Source.asset(props.webDistPath), Source.jsonData('config.json', config)],
      destinationBucket: bucket,
      exclude: ['assets/*'],
      prune: true,
      cacheControl: [CacheControl.noCache()],
      distribution: app.appDistribution.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
    entryFiles.node.addDependency(hashedAssets);
    this.runtimeConfig = config;

    // The SCORM player (web/player/dist, base /player/) on the content origin, in the same two steps:
    // hashed files kept for open players, the rest revalidated and the content distribution's
    // /player/* invalidated. Pruning stays within player/ (the sync's destination prefix).
    const contentBucket = Bucket.fromBucketAttributes(this, 'ContentBucketRef', props.data.shared.contentBucket);
    const playerAssets = new BucketDeployment(this, 'PlayerAssets', {
      sources: [Source.asset(props.playerDistPath)],
      destinationBucket: contentBucket,
      destinationKeyPrefix: playerKeyPrefix,
      exclude: ['*'],
      include: ['assets/*'],
      prune: false,
      cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
      memoryLimit: 512,
    });
    const playerEntry = new BucketDeployment(this, 'PlayerEntry', {
      sources: [Source.asset(props.playerDistPath)],
      destinationBucket: contentBucket,
      destinationKeyPrefix: playerKeyPrefix,
      exclude: ['assets/*'],
      prune: true,
      cacheControl: [CacheControl.noCache()],
      distribution: app.contentDistribution.distribution,
      distributionPaths: [contentPaths.player],
      memoryLimit: 512,
    });
    playerEntry.node.addDependency(playerAssets);
    // CDK grants the deployment handler read/write on the whole destination bucket. Packages are
    // the SCORM import's alone (the only writer of packages/): the handler is refused there outright.
    playerEntry.handlerRole.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.DENY,
        actions: ['s3:PutObject*', 's3:DeleteObject*', 's3:Abort*', 's3:RestoreObject'],
        resources: [contentBucket.arnForObjects(`${packagesPrefix}*`)],
      }),
    );

    this.acknowledgeDeploymentHandler(bucket, contentBucket);
  }

  /**
   * BucketDeployment's handler is a CDK-provided singleton (it syncs the asset zip into the web
   * bucket and invalidates the distribution). It runs only during deployments.
   */
  private acknowledgeDeploymentHandler(webBucket: IBucket, contentBucket: IBucket): void {
    const handlers = stackChildrenStartingWith(this, 'Custom::CDKBucketDeployment');
    if (handlers.length !== 1) throw new Error(`Expected one BucketDeployment handler, found ${handlers.length}`);
    const handler = handlers[0]!;
    const qualifier = (this.synthesizer as DefaultStackSynthesizer).bootstrapQualifier ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER;
    // As cdk-nag prints the bootstrap asset bucket: partition and region literal, account a placeholder.
    const partition = RegionInfo.get(this.region).partition ?? 'aws';
    const assetObjects = `arn:${partition}:s3:::cdk-${qualifier}-assets-<AWS::AccountId>-${this.region}/*`;
    const cdkHandler = 'CDK-provided BucketDeployment handler (runs only while deploying)';
    const findings: Array<[string, string]> = [
      ['AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        `${cdkHandler}: CDK attaches the AWS-managed basic execution policy for its logs.`],
      ['AwsSolutions-IAM5[Action::s3:GetBucket*]', `${cdkHandler}: CDK's read grant on the asset and web buckets.`],
      ['AwsSolutions-IAM5[Action::s3:GetObject*]', `${cdkHandler}: CDK's read grant on the asset and web buckets.`],
      ['AwsSolutions-IAM5[Action::s3:List*]', `${cdkHandler}: listing is how the sync finds files to prune.`],
      ['AwsSolutions-IAM5[Action::s3:DeleteObject*]', `${cdkHandler}: pruning removes files that left the build.`],
      ['AwsSolutions-IAM5[Action::s3:Abort*]', `${cdkHandler}: aborts its own failed multipart uploads.`],
      [`AwsSolutions-IAM5[Resource::${assetObjects}]`, `${cdkHandler}: reads the staged front-end zip from the CDK bootstrap bucket.`],
      [`AwsSolutions-IAM5[Resource::${nagReference(this, webBucket.arnForObjects('*'))}]`,
        `${cdkHandler}: writes every front-end file into the web bucket.`],
      [`AwsSolutions-IAM5[Resource::${nagReference(this, contentBucket.arnForObjects('*'))}]`,
        `${cdkHandler}: writes the SCORM player under player/ in the content bucket; an explicit deny keeps it out of packages/.`],
      ['AwsSolutions-IAM5[Resource::*]', `${cdkHandler}: CDK grants cloudfront:CreateInvalidation/GetInvalidation on '*'; used only to invalidate the app distribution and the player on the content distribution after a release.`],
      ['AwsSolutions-L1', `${cdkHandler}: CDK chooses and upgrades its Python runtime.`],
    ];
    for (const [id, reason] of findings) acknowledge(handler, id, reason);
  }
}
