/**
 * Local only: the dev identity provider (signs Cognito-shaped ID tokens) and `/api/dev/*`. The
 * Lambda entry never imports this folder (tests/integration/lambda-bundle.test.ts proves it).
 */
export { createDevIssuer, type DevIssuer } from './issuer';
export { devRoutes } from './routes';
