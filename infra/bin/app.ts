import { buildApp } from '../lib/app';
import { sameSiteWarning, SetupError } from '../lib/settings';

// Entry point for the CDK CLI (cdk.json "app"). Setup problems print one line, not a stack trace.
try {
  const { app, settings } = buildApp();
  const warning = sameSiteWarning(settings);
  if (warning) console.warn(warning);
  app.synth();
} catch (err) {
  if (err instanceof SetupError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
