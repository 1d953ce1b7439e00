import { LambdaClient } from '@aws-sdk/client-lambda';
import { INTERACTIVE_CLIENT, type ClientProfile } from './clients.js';

/**
 * The Lambda client (clients.ts: AWS_ENDPOINT_URL[_LAMBDA] apply). One retry for throttling or network
 * errors only: a failed probe read is unknown, and the next run reads again.
 */
export const createLambdaClient = (profile: ClientProfile = 'background') =>
  new LambdaClient(profile === 'interactive' ? INTERACTIVE_CLIENT : { maxAttempts: 2 });
