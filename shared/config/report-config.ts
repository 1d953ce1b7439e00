import type { FargateRate } from '../domain/fargate-prices.js';
import type { EnvReader } from './env-reader.js';

/** The monthly report (ctl report, local mode): time zone, price region or override, metric names. */
export interface ReportConfig {
  timeZone: string;
  region: string;
  override?: FargateRate;
  serviceName: string;
  dashboard: boolean;
}

export function readReportConfig(r: EnvReader, env: Record<string, string | undefined>): ReportConfig {
  const timeZone = r.string('TIME_ZONE', 'UTC');
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    r.fail(`TIME_ZONE must be an IANA time zone such as Europe/Berlin (got "${timeZone}")`);
  }
  const vcpu = price(r, 'REPORT_VCPU_HOUR');
  const gb = price(r, 'REPORT_GB_HOUR');
  if ((vcpu === undefined) !== (gb === undefined)) r.fail('REPORT_VCPU_HOUR and REPORT_GB_HOUR go together: set both or neither');
  return {
    timeZone,
    region: r.optional('REPORT_REGION') ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
    override: vcpu !== undefined && gb !== undefined ? { vcpuHour: vcpu, gbHour: gb, source: 'configured prices (REPORT_VCPU_HOUR, REPORT_GB_HOUR)' } : undefined,
    serviceName: r.string('POWERTOOLS_SERVICE_NAME', 'jitsi-scale-to-zero'),
    dashboard: r.bool('REPORT_DASHBOARD', true),
  };
}

function price(r: EnvReader, name: string): number | undefined {
  const text = r.optional(name);
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0 || n > 10) {
    r.fail(`${name} must be a price in USD per hour above 0 and at most 10 (got "${text}")`);
    return undefined;
  }
  return n;
}
