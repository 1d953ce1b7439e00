import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SSMClient } from '@aws-sdk/client-ssm';

/**
 * Scheduler and SSM clients, created once per container at module scope (see clients.ts: no explicit
 * endpoint, so AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_SCHEDULER / AWS_ENDPOINT_URL_SSM keep working).
 */
const common = { maxAttempts: 4 } as const;

export const createSchedulerClient = () => new SchedulerClient(common);
export const createSsmClient = () => new SSMClient(common);
