// Bench only: the wake function with its estimate's CloudWatch client created at init instead of on first
// use (the "before" of the lazy-load lever).
import { createCloudWatchClient } from '../../shared/adapters/aws/clients.js';
import { CloudWatchWakeHistory } from '../../shared/adapters/aws/cloudwatch-wake-history.js';

export const eagerHistory = new CloudWatchWakeHistory(createCloudWatchClient(), 'JitsiScaleToZero', 'jitsi-scale-to-zero');
export { handler } from '../../functions/wake/index.js';
