import { existsSync } from 'node:fs';
import path from 'node:path';
import { Stack, type StackProps } from 'aws-cdk-lib';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { acknowledge, stackChildrenStartingWith } from '../nag';
import { paths } from '../paths';
import { SetupError } from '../settings';
import type { AppStack } from './app-stack';
import type { IdentityStack } from './identity-stack';

export interface WebStackProps extends StackProps {
  app: AppStack;
  identity: IdentityStack;
  /** Directory with the Vite build (index.html, assets/). */
  webDistPath: string;
}

/** The shape of /config.json, read by the front end at start-up to find its AWS resources. */
export interface RuntimeConfig {
  mode: 'aws';
  region: string;
  userPoolId: string;
  clientId: string;
  cognitoDomain: string;
  contentOrigin: string;
}

/**
 * The front end's files and its runtime config.json, copied into the web bucket on every deploy.
 * A stack of its own so a front-end release is `cdk deploy <prefix>-Web` and nothing else.
 */
export class WebStack extends Stack {
  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    if (!existsSync(props.webDistPath)) {
      throw new SetupError(`${path.relative(paths.repoRoot, props.webDistPath) || props.webDistPath} is missing: run \`npm run build:web\` first`);
    }
    const { app, identity } = props;
    const bucket = app.webBucket;

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

    const config: RuntimeConfig = {
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

    this.acknowledgeDeploymentHandler();
  }

  /** BucketDeployment's handler is a CDK-provided singleton; its findings are CDK's design, not ours. */
  private acknowledgeDeploymentHandler(): void {
    for (const handler of stackChildrenStartingWith(this, 'Custom::CDKBucketDeployment')) {
      acknowledge(handler, 'AwsSolutions-L1', 'CDK-provided BucketDeployment handler; CDK chooses and upgrades its Python runtime.');
    }
  }
}
