import { fromEnv, type FromEnvInit } from '@aws-sdk/credential-provider-env';

/**
 * Stand-in for `@aws-sdk/credential-provider-node` inside the Lambda bundles only (infra/lambda-bundling.ts
 * aliases the package to this file). Lambda hands every function its role's credentials in environment
 * variables, so the default chain's profile, SSO, process, web-identity and IMDS providers (with the STS/SSO
 * clients they carry) are dead weight on the cold path. The CLI and local tools are not bundled and keep
 * the standard chain. Endpoints are untouched: AWS_ENDPOINT_URL[_<SERVICE>] still apply.
 */
export const defaultProvider = (init: FromEnvInit = {}) => fromEnv(init);
