import { ECSClient } from '@aws-sdk/client-ecs';
import { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { LambdaClient } from '@aws-sdk/client-lambda';

/**
 * SDK clients, created once per container. No explicit endpoint is set, so the standard
 * AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE> variables keep working; throttling is retried by the
 * SDK's standard retry strategy with backoff before an error reaches the controller.
 */
const common = { maxAttempts: 4 } as const;

export const createEcsClient = () => new ECSClient(common);
export const createAutoScalingClient = () => new ApplicationAutoScalingClient(common);
export const createCloudWatchClient = () => new CloudWatchClient(common);
/** One retry for throttling or network errors only: a failed probe read is unknown, and the next run reads again. */
export const createLambdaClient = () => new LambdaClient({ maxAttempts: 2 });
