import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';

/**
 * Clients only the operator CLI uses (kept apart from clients.ts so no function bundle pulls them in).
 * No explicit endpoint: AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE> keep working.
 */
const common = { maxAttempts: 4 } as const;

export const createCloudFormationClient = () => new CloudFormationClient(common);
export const createLogsClient = () => new CloudWatchLogsClient(common);
