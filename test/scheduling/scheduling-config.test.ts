import { loadPrewarmApiFunctionConfig, loadWakeFunctionConfig } from '../../shared/config/prewarm-config.js';
import { ConfigError } from '../../shared/config/env-reader.js';

const BASE = { SERVICE_GROUP: 'jitsi/web', MEETING_BASE_URL: 'https://meet.example.org' };

describe('pre-warm configuration', () => {
  it('is not part of the wake function, which needs none of its variables', () => {
    expect(loadWakeFunctionConfig(BASE)).not.toHaveProperty('prewarm');
  });

  it('reads defaults when enabled', () => {
    const { prewarm } = loadPrewarmApiFunctionConfig({
      ...BASE, PREWARM_TOKEN_PARAMETER: '/jitsi/prewarm-token', SCHEDULE_GROUP_NAME: 'jitsi',
      SCHEDULER_ROLE_ARN: 'arn:aws:iam::123456789012:role/sched', PREWARM_FUNCTION_ARN: 'arn:aws:lambda:eu-central-1:123456789012:function:prewarm',
    });
    expect(prewarm).toEqual({
      scheduleGroupName: 'jitsi', schedulerRoleArn: 'arn:aws:iam::123456789012:role/sched', timeZone: 'UTC',
      functionArn: 'arn:aws:lambda:eu-central-1:123456789012:function:prewarm', leadMinutes: 10, maxDaysAhead: 30,
      tokenParameter: '/jitsi/prewarm-token', tokenTtlMs: 300_000,
    });
  });

  it('passes TIME_ZONE on in its canonical IANA case (what synth writes for the same value)', () => {
    const { prewarm } = loadPrewarmApiFunctionConfig({
      ...BASE, PREWARM_TOKEN_PARAMETER: '/jitsi/prewarm-token', SCHEDULE_GROUP_NAME: 'jitsi', TIME_ZONE: 'europe/berlin',
      SCHEDULER_ROLE_ARN: 'arn:aws:iam::123456789012:role/sched', PREWARM_FUNCTION_ARN: 'arn:aws:lambda:eu-central-1:123456789012:function:prewarm',
    });
    expect(prewarm?.timeZone).toBe('Europe/Berlin');
  });

  it('names every bad variable in one error, together with the common settings', () => {
    let error: unknown;
    try {
      loadPrewarmApiFunctionConfig({
        SERVICE_GROUP: 'jitsi/web', MEETING_BASE_URL: 'ftp://x', PREWARM_TOKEN_PARAMETER: '/jitsi/token', SCHEDULE_GROUP_NAME: 'bad name',
        SCHEDULER_ROLE_ARN: 'role', TIME_ZONE: 'Mars/Olympus', PREWARM_LEAD_MINUTES: '-1',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['MEETING_BASE_URL', 'SCHEDULE_GROUP_NAME', 'SCHEDULER_ROLE_ARN', 'TIME_ZONE', 'PREWARM_FUNCTION_ARN', 'PREWARM_LEAD_MINUTES']) {
      expect(problems).toContain(name);
    }
  });
});
