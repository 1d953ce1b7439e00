import { ECSClient } from '@aws-sdk/client-ecs';
import { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';

/**
 * SDK clients, created once per container. One module per client package (cloudwatch-client.ts,
 * lambda-client.ts, schedule-clients.ts), so the wake bundle can load the rarer ones lazily in their own
 * chunks (shared/lazy.ts); this module holds only what the wake path always needs. No explicit endpoint is set, so the standard
 * AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE> variables keep working; throttling is retried by the
 * SDK's standard retry strategy with backoff before an error reaches the controller.
 */
const common = { maxAttempts: 4 } as const;

/**
 * Clients on a path a person waits on (the wake function, 15 s timeout): each attempt is cut after
 * `connectionTimeout` + `requestTimeout`, and one retry at most, so one call costs ≤ 2 × 3.5 s plus one
 * backoff. The wake handler's early-timeout answer (503 + Retry-After) covers whatever is still left.
 */
export const INTERACTIVE_CLIENT = {
  maxAttempts: 2,
  // Without throwOnRequestTimeout a breached requestTimeout only logs a warning (smithy node-http-handler).
  requestHandler: { connectionTimeout: 1000, requestTimeout: 2500, throwOnRequestTimeout: true },
} as const;

export type ClientProfile = 'background' | 'interactive';
export const options = (profile: ClientProfile) => (profile === 'interactive' ? INTERACTIVE_CLIENT : common);

export const createEcsClient = (profile: ClientProfile = 'background') => new ECSClient(options(profile));
export const createAutoScalingClient = (profile: ClientProfile = 'background') => new ApplicationAutoScalingClient(options(profile));
