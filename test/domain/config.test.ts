import { loadWakeConfig } from '../../shared/config/core-config.js';
import { ConfigError } from '../../shared/config/env-reader.js';
import { parseMemberRef, serviceName } from '../../shared/domain/service-group.js';

const valid = { SERVICE_GROUP: 'jitsi/web,jitsi/jvb', MEETING_BASE_URL: 'https://meet.example.org/' };
const WEB_ARN = 'arn:aws:ecs:eu-central-1:123456789012:service/jitsi-cluster/jitsi-web';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadWakeConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('wake configuration (DESIGN invariant 8)', () => {
  it('applies the documented defaults', () => {
    const config = loadWakeConfig(valid);
    expect(config).toMatchObject({
      backend: 'aws', workingMinTasks: 1, probePaths: ['/', '/http-bind'], probeTimeoutMs: 3000,
      metricNamespace: 'JitsiScaleToZero', groupName: 'jitsi', pollIntervalSeconds: 4, supportContact: undefined,
      controller: { statusCacheMs: 2000, probeSuccessesRequired: 2, probeIntervalMs: 5000, expectedWakeSeconds: 240, wakeTimeoutSeconds: 900 },
    });
    expect(config.meetingBaseUrl.href).toBe('https://meet.example.org/');
    expect(config.linkMode).toBe('wake-url');
    expect(config.readinessBaseUrl.href).toBe('https://meet.example.org/');
    expect(config.members.map((m) => m.id)).toEqual(['jitsi/web', 'jitsi/jvb']);
  });

  it('reads LINK_MODE canonical and READINESS_BASE_URL (the origin the probe asks behind CloudFront)', () => {
    const config = loadWakeConfig({ ...valid, LINK_MODE: 'canonical', READINESS_BASE_URL: 'https://jitsi-ab12.ecs.eu-central-1.on.aws/' });
    expect(config.linkMode).toBe('canonical');
    expect(config.readinessBaseUrl.href).toBe('https://jitsi-ab12.ecs.eu-central-1.on.aws/');
    expect(config.meetingBaseUrl.href).toBe('https://meet.example.org/');
  });

  it('rejects an unknown LINK_MODE and a READINESS_BASE_URL with a query, in one error', () => {
    const error = configError({ ...valid, LINK_MODE: 'Canonical', READINESS_BASE_URL: 'https://origin.example/?x=1' });
    expect(error.problems).toEqual([
      'READINESS_BASE_URL must be an absolute http(s) URL without query, fragment or credentials (got "https://origin.example/?x=1")',
      'LINK_MODE must be one of wake-url, canonical (got "Canonical")',
    ]);
  });

  it('fails once, naming every bad variable', () => {
    const error = configError({
      MEETING_BASE_URL: 'ftp://meet.example.org', CONTROLLER_BACKEND: 'azure', WORKING_MIN_TASKS: '0',
      READY_PROBE_SUCCESSES: 'two', POLL_INTERVAL_SECONDS: '1.5', READY_PROBE_PATHS: 'http-bind',
    });
    const named = ['SERVICE_GROUP', 'MEETING_BASE_URL', 'CONTROLLER_BACKEND', 'WORKING_MIN_TASKS', 'READY_PROBE_SUCCESSES', 'POLL_INTERVAL_SECONDS', 'READY_PROBE_PATHS'];
    expect(error.problems).toHaveLength(named.length);
    for (const name of named) expect(error.message).toContain(name);
  });

  it.each([
    ['a query string', 'https://meet.example.org/?x=1'],
    ['credentials', 'https://user:pw@meet.example.org'],
    ['a fragment', 'https://meet.example.org/#x'],
    ['a relative URL', '/jitsi'],
  ])('rejects a meeting base URL with %s', (_name, url) => {
    expect(configError({ ...valid, MEETING_BASE_URL: url }).problems).toEqual([expect.stringContaining('MEETING_BASE_URL')]);
  });

  it('strips trailing slashes from the meeting base path', () => {
    expect(loadWakeConfig({ ...valid, MEETING_BASE_URL: 'https://meet.example.org/jitsi//' }).meetingBaseUrl.pathname).toBe('/jitsi');
  });

  it.each([
    ['a bare service name', 'web'],
    ['three segments', 'a/b/c'],
    ['an old-format ARN without cluster', 'arn:aws:ecs:eu-central-1:123456789012:service/web'],
    ['a task ARN', 'arn:aws:ecs:eu-central-1:123456789012:task/jitsi/0123456789abcdef'],
    ['shell characters', 'jitsi/web;rm'],
  ])('rejects a service group member that is %s', (_name, member) => {
    expect(configError({ ...valid, SERVICE_GROUP: `jitsi/jvb,${member}` }).message).toContain(`SERVICE_GROUP: "${member}"`);
  });

  it('rejects the same service listed twice, even once as an ARN', () => {
    const error = configError({ ...valid, SERVICE_GROUP: `jitsi-cluster/jitsi-web,${WEB_ARN}` });
    expect(error.problems).toEqual(['SERVICE_GROUP lists a service twice']);
  });

  it('rejects more than ten services', () => {
    const group = Array.from({ length: 11 }, (_, i) => `c/s${i}`).join(',');
    expect(configError({ ...valid, SERVICE_GROUP: group }).problems).toEqual(['SERVICE_GROUP may list at most 10 services']);
  });
});

describe('parseMemberRef', () => {
  it('parses cluster/service', () => {
    expect(parseMemberRef('jitsi/web')).toEqual({ cluster: 'jitsi', service: 'web', id: 'jitsi/web' });
  });

  it('keeps a service ARN as the service (ECS accepts it) and derives cluster, id and name', () => {
    const ref = parseMemberRef(WEB_ARN);
    expect(ref).toEqual({ cluster: 'jitsi-cluster', service: WEB_ARN, id: 'jitsi-cluster/jitsi-web' });
    expect(serviceName(ref as Exclude<typeof ref, string>)).toBe('jitsi-web');
  });

  it('accepts ARNs of other partitions', () => {
    expect(parseMemberRef('arn:aws-cn:ecs:cn-north-1:123456789012:service/c/s')).toMatchObject({ id: 'c/s' });
  });
});
