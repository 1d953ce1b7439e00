import { EnvReader } from '../../shared/config/env-reader.js';
import { readOperatorConfig } from '../../shared/config/operator-config.js';
import { loadPrewarmApiFunctionConfig } from '../../shared/config/prewarm-config.js';

function operatorZone(zone: string): { timeZone?: string; error?: string } {
  const r = new EnvReader({ TIME_ZONE: zone });
  const config = readOperatorConfig(r);
  try {
    r.done();
    return { timeZone: config.timeZone };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function functionZone(zone: string): { timeZone?: string; error?: string } {
  try {
    const { prewarm } = loadPrewarmApiFunctionConfig({
      SERVICE_GROUP: 'jitsi/web', MEETING_BASE_URL: 'https://meet.example.org', PREWARM_TOKEN_PARAMETER: '/jitsi/prewarm-token',
      SCHEDULE_GROUP_NAME: 'jitsi', SCHEDULER_ROLE_ARN: 'arn:aws:iam::123456789012:role/sched',
      PREWARM_FUNCTION_ARN: 'arn:aws:lambda:eu-central-1:123456789012:function:prewarm', TIME_ZONE: zone,
    });
    return { timeZone: prewarm!.timeZone };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('TIME_ZONE: the operator CLI reads it as the functions do', () => {
  it.each(['Europe/Berlin', 'europe/berlin', 'UTC', 'EST', 'Mars/Olympus'])('%s', (zone) => {
    const cli = operatorZone(zone);
    const fn = functionZone(zone);

    expect(Boolean(cli.error)).toBe(Boolean(fn.error));
    expect(cli.timeZone).toBe(fn.timeZone);
    if (zone === 'europe/berlin') expect(cli.timeZone).toBe('Europe/Berlin');
    if (zone === 'Mars/Olympus') expect(cli.error).toMatch(/TIME_ZONE must be an IANA time zone/);
  });
});
