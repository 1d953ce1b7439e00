import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, CONTEXT_KEY, envName, FIELDS, loadConfig } from '../../infra/config.js';
import { EXAMPLE } from './infra-fixtures.js';

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('deploy configuration', () => {
  it('applies the documented defaults to a minimal configuration', () => {
    const config = loadConfig({ context: EXAMPLE });

    expect(config).toMatchObject({
      stackName: 'JitsiScaleToZero', groupName: 'jitsi', metricNamespace: 'JitsiScaleToZero', activitySource: 'probe',
      noJoinMinutes: 10, emptyMinutes: 15, powerDownTime: '02:00', powerDownPolicy: 'defer', throttleRateLimit: 10,
      throttleBurstLimit: 20, logRetentionDays: 30, sourceMaps: false, jicofoStatsPort: 8888, jvbStatsPort: 8080,
    });
    expect(config.account).toBeUndefined();
    expect(config.region).toBeUndefined();
  });

  it('layers context < config file < STZ_* environment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stz-config-'));
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ timeZone: 'America/New_York', noJoinMinutes: 12, groupName: 'from-file' }));

    const config = loadConfig({
      context: { ...EXAMPLE, groupName: 'from-context', emptyMinutes: 20 },
      configFile: file,
      env: { STZ_GROUP_NAME: 'from-env', STZ_SUBNET_IDS: 'subnet-0aaaaaaaaaaaaaaaa, subnet-0bbbbbbbbbbbbbbbb', STZ_POWER_DOWN_ENABLED: 'false' },
    });

    expect(config.groupName).toBe('from-env');
    expect(config.timeZone).toBe('America/New_York');
    expect(config.noJoinMinutes).toBe(12);
    expect(config.emptyMinutes).toBe(20);
    expect(config.subnetIds).toEqual(['subnet-0aaaaaaaaaaaaaaaa', 'subnet-0bbbbbbbbbbbbbbbb']);
    expect(config.powerDownEnabled).toBe(false);
  });

  it('reads maps from JSON objects and from "k=v,k=v" variables', () => {
    const config = loadConfig({
      context: { ...EXAMPLE, extraEnvironment: { READY_PROBE_SUCCESSES: 3 } },
      env: { STZ_ACTIVITY_METRIC_DIMENSIONS: 'ClusterName=jitsi,ServiceName=web' },
    });

    expect(config.extraEnvironment).toEqual({ READY_PROBE_SUCCESSES: '3' });
    expect(config.activityMetricDimensions).toEqual({ ClusterName: 'jitsi', ServiceName: 'web' });
  });

  it('fails once, naming every problem and where each bad value came from', () => {
    const problems = problemsOf(() => loadConfig({
      context: { timeZone: 'Mars/Olympus', noJoinMinutes: 0, vpcId: 'vpc-0123456789abcdef0', colour: 'blue' },
      env: { STZ_POWER_DOWN_TIME: '25:00', STZ_SUBNET_IDS: 'subnet-nope' },
    }));

    expect(problems).toEqual(expect.arrayContaining([
      expect.stringContaining('unknown key "colour"'),
      expect.stringContaining('serviceGroup is required'),
      expect.stringContaining('meetingBaseUrl is required'),
      expect.stringMatching(/^noJoinMinutes must be an integer from 1 to 1440 .*context/),
      expect.stringMatching(/^powerDownTime .*from STZ_POWER_DOWN_TIME/),
      expect.stringMatching(/^subnetIds has invalid entries "subnet-nope"/),
      expect.stringContaining('timeZone "Mars/Olympus" is not an IANA time zone'),
      expect.stringContaining('taskSecurityGroupIds is required when activitySource is "probe"'),
    ]));
    expect(() => loadConfig({ context: {} })).toThrow(/Invalid jitsi-scale-to-zero configuration \(\d+ problems\):\n {2}- /);
  });

  it('checks rules that span keys', () => {
    expect(problemsOf(() => loadConfig({ context: { ...EXAMPLE, domainName: 'meet-wake.example.org' } })))
      .toContain('domainName and certificateArn must be set together');
    expect(problemsOf(() => loadConfig({ context: { ...EXAMPLE, region: 'us-east-1' } })))
      .toEqual([expect.stringContaining('serviceGroup services must be in region us-east-1')]);
    expect(problemsOf(() => loadConfig({ context: { ...EXAMPLE, activitySource: 'metric' } })))
      .toEqual(['activityMetricNamespace and activityMetricName are required when activitySource is "metric"']);
    expect(problemsOf(() => loadConfig({ context: { ...EXAMPLE, logRetentionDays: 31 } })))
      .toEqual([expect.stringContaining('logRetentionDays must be one of 1, 3, 5')]);
    expect(problemsOf(() => loadConfig({ context: { ...EXAMPLE, serviceGroup: ['jitsi/web', 'jitsi/web'] } })))
      .toEqual(['serviceGroup lists a service twice']);
  });

  it('a member ARN in another region fails even when "region" is not pinned', () => {
    const west = 'arn:aws:ecs:eu-west-1:123456789012:service/jitsi/jitsi-jvb';
    // Unpinned, synth knows where the stack goes (CDK_DEFAULT_REGION, else AWS_REGION).
    expect(problemsOf(() => loadConfig({ context: EXAMPLE, env: { CDK_DEFAULT_REGION: 'us-east-1' } })))
      .toEqual([expect.stringMatching(/^serviceGroup services must be in region us-east-1 \(the region this environment-agnostic stack deploys to.*jitsi-web, .*jitsi-jvb$/)]);
    // Unpinned and unknown: at least one region for all members.
    expect(problemsOf(() => loadConfig({ context: { ...EXAMPLE, serviceGroup: [EXAMPLE.serviceGroup[0], west] } })))
      .toEqual(['serviceGroup services must all be in one region (the controller\'s); found eu-central-1, eu-west-1']);
    expect(loadConfig({ context: EXAMPLE, env: { AWS_REGION: 'eu-central-1' } }).serviceGroup).toEqual(EXAMPLE.serviceGroup);
  });

  it('extraEnvironment may tune the functions but never override what the stack sets', () => {
    expect(problemsOf(() => loadConfig({ context: { ...EXAMPLE, extraEnvironment: { SERVICE_GROUP: 'other/web', POWERTOOLS_LOG_LEVEL: 'DEBUG', WORKING_MIN_TASKS: '3' } } })))
      .toEqual([
        'extraEnvironment key "SERVICE_GROUP" is set by the stack from its own setting and cannot be overridden',
        'extraEnvironment key "POWERTOOLS_LOG_LEVEL" is set by the stack from its own setting and cannot be overridden',
        'extraEnvironment key "WORKING_MIN_TASKS" is set by the stack from its own setting and cannot be overridden',
      ]);
    expect(loadConfig({ context: { ...EXAMPLE, extraEnvironment: { STATUS_CACHE_MS: '1000' } } }).extraEnvironment).toEqual({ STATUS_CACHE_MS: '1000' });
  });

  it('writes the time zone in its canonical IANA case, as Scheduler expects', () => {
    expect(loadConfig({ context: { ...EXAMPLE, timeZone: 'europe/berlin' } }).timeZone).toBe('Europe/Berlin');
    expect(loadConfig({ context: { ...EXAMPLE, timeZone: 'AMERICA/NEW_YORK' } }).timeZone).toBe('America/New_York');
  });

  it('needs no VPC settings when activity comes from an existing metric', () => {
    const { vpcId: _v, subnetIds: _s, taskSecurityGroupIds: _t, ...rest } = EXAMPLE;
    const config = loadConfig({ context: { ...rest, activitySource: 'metric', activityMetricNamespace: 'Jitsi', activityMetricName: 'participants' } });

    expect(config.activitySource).toBe('metric');
  });

  it('maps keys to STZ_ environment variables', () => {
    expect(envName('noJoinMinutes')).toBe('STZ_NO_JOIN_MINUTES');
    expect(envName('serviceGroup')).toBe('STZ_SERVICE_GROUP');
  });

  it('keeps the defaults in cdk.json in step with the schema', () => {
    const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8'));
    const defaults = Object.fromEntries(Object.entries(FIELDS).filter(([, f]) => 'default' in f).map(([k, f]) => [k, (f as { default: unknown }).default]));

    expect(cdkJson.app).toBe('npx tsx infra/app.ts');
    expect(cdkJson.context[CONTEXT_KEY]).toEqual(defaults);
  });
});
