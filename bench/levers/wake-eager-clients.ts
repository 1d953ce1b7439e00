// Bench only: the wake function with the clients it now loads lazily (shared/lazy.ts) imported at init
// instead, as before the split: every SDK client loads at cold start. Re-exporting keeps them in the bundle.
export { handler } from '../../functions/wake/index.js';
export { createSsmHoldStore } from '../../shared/adapters/aws/ssm-hold-store.js';
export { createProbeActivitySource } from '../../shared/adapters/aws/probe-activity-source.js';
export { createAlarmControl } from '../../shared/adapters/aws/cloudwatch-history.js';
export { createCloudWatchWakeHistory } from '../../shared/adapters/aws/cloudwatch-wake-history.js';
