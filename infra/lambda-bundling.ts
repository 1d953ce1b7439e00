/**
 * esbuild settings every Lambda bundle shares, used by the house construct (NodejsFunction) and by
 * `npm run bench`, so the bench measures what deploys. Paths are relative to the repository root, the
 * working directory of both builds.
 */
export const LAMBDA_ALIASES: Readonly<Record<string, string>> = {
  // Env-only credentials (shared/adapters/aws/env-credential-provider.ts): ~90 KB less per SDK function.
  '@aws-sdk/credential-provider-node': './shared/adapters/aws/env-credential-provider.ts',
};
