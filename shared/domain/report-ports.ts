import type { FargateRate } from './fargate-prices.js';
import type { TaskSize, UsageHistory } from './month-report.js';
import type { MemberRef } from './service-group.js';

/** Port: the recorded series for a time range (CloudWatch GetMetricData, or local mode's recorder). */
export interface UsageHistorySource {
  read(from: Date, to: Date): Promise<UsageHistory>;
}

/** Port: a member's task size from its current task definition (ECS DescribeServices + DescribeTaskDefinition). */
export interface TaskSizes {
  sizeOf(member: MemberRef): Promise<TaskSize>;
}

/** Where prices come from: the configured override, else the dated list table for the member's region. */
export interface PriceSettings {
  /** Region for the list table when the member is not given as an ARN. */
  region: string;
  override?: FargateRate;
}
