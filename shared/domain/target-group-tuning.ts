/**
 * Health-check settings for the Express service's managed target groups. The defaults (30 s interval, 5
 * healthy checks, 300 s deregistration delay) make a cold start and every sleep minutes longer; these
 * settings are what the custom resource applies (DESIGN "Jitsi on Express Mode").
 */
export interface TargetGroupTuning {
  targetGroupArns: string[];
  intervalSeconds: number;
  timeoutSeconds: number;
  healthyThreshold: number;
  unhealthyThreshold: number;
  deregistrationDelaySeconds: number;
}

const TARGET_GROUP_ARN = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:targetgroup\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}$/;

/** ELBv2 limits (ModifyTargetGroup / target group attributes); the timeout must be below the interval. */
const LIMITS = {
  intervalSeconds: [5, 300],
  timeoutSeconds: [2, 120],
  healthyThreshold: [2, 10],
  unhealthyThreshold: [2, 10],
  deregistrationDelaySeconds: [0, 3600],
} as const;

/**
 * CloudFormation hands custom-resource properties over as strings (numbers included): parse and check
 * everything before any call, and name every problem at once.
 */
export function parseTuning(props: Record<string, unknown> | undefined): { ok: true; tuning: TargetGroupTuning } | { ok: false; error: string } {
  const p = props ?? {};
  const problems: string[] = [];
  const raw = p.TargetGroupArns;
  const arns = (Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(',') : undefined)?.map((a) => a.trim()).filter(Boolean);
  if (!arns || arns.length === 0) problems.push('TargetGroupArns must be a non-empty list (or comma-separated string) of target group ARNs');
  else {
    const bad = arns.filter((a) => !TARGET_GROUP_ARN.test(a));
    if (bad.length) problems.push(`TargetGroupArns has entries that are not target group ARNs: ${bad.join(', ')}`);
  }
  const num = (key: string, field: keyof typeof LIMITS): number => {
    const raw = p[key];
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    const [min, max] = LIMITS[field];
    if (!Number.isInteger(n) || n < min || n > max) problems.push(`${key} must be an integer from ${min} to ${max} (got ${JSON.stringify(raw)})`);
    return n;
  };
  const tuning: TargetGroupTuning = {
    targetGroupArns: [...new Set(arns ?? [])],
    intervalSeconds: num('HealthCheckIntervalSeconds', 'intervalSeconds'),
    timeoutSeconds: num('HealthCheckTimeoutSeconds', 'timeoutSeconds'),
    healthyThreshold: num('HealthyThresholdCount', 'healthyThreshold'),
    unhealthyThreshold: num('UnhealthyThresholdCount', 'unhealthyThreshold'),
    deregistrationDelaySeconds: num('DeregistrationDelaySeconds', 'deregistrationDelaySeconds'),
  };
  if (problems.length === 0 && tuning.timeoutSeconds >= tuning.intervalSeconds) {
    problems.push('HealthCheckTimeoutSeconds must be less than HealthCheckIntervalSeconds');
  }
  return problems.length ? { ok: false, error: problems.join('; ') } : { ok: true, tuning };
}
