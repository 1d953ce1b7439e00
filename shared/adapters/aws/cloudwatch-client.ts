import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { options, type ClientProfile } from './clients.js';

/** The CloudWatch client (clients.ts: no explicit endpoint, so AWS_ENDPOINT_URL[_CLOUDWATCH] apply). */
export const createCloudWatchClient = (profile: ClientProfile = 'background') => new CloudWatchClient(options(profile));
