import { JITSI_IMAGE_TAG } from '../../infra/constructs/jitsi/images.js';
import { jvmHeaps } from '../../infra/constructs/jitsi/jitsi-task-definition.js';
import { logicalIdOf, only, synthVariant } from './jitsi-fixtures.js';

type Container = {
  Name: string; Image: string; Essential: boolean;
  Environment?: { Name: string; Value: unknown }[];
  Secrets?: { Name: string; ValueFrom: unknown }[];
  PortMappings?: Record<string, unknown>[];
  HealthCheck?: Record<string, unknown>;
  DependsOn?: { ContainerName: string; Condition: string }[];
  LogConfiguration?: { LogDriver: string; Options: Record<string, unknown> };
};

describe('Jitsi task definition (one task = the whole Jitsi)', () => {
  const { template } = synthVariant('jitsi');
  const task = only(template, 'AWS::ECS::TaskDefinition');
  const containers = task.Properties.ContainerDefinitions as Container[];
  const byName = (n: string) => containers.find((c) => c.Name === n)!;
  const env = (n: string) => Object.fromEntries((byName(n).Environment ?? []).map((e) => [e.Name, e.Value]));
  const secretId = logicalIdOf(template, 'AWS::SecretsManager::Secret');

  it('is a Fargate ARM64 task of 4 vCPU / 8 GB by default', () => {
    expect(task.Properties).toMatchObject({
      RequiresCompatibilities: ['FARGATE'], NetworkMode: 'awsvpc', Cpu: '4096', Memory: '8192',
      RuntimePlatform: { CpuArchitecture: 'ARM64', OperatingSystemFamily: 'LINUX' },
    });
  });

  it('holds web (Main), prosody, jicofo and jvb, all essential, from one pinned tag', () => {
    expect(containers.map((c) => c.Name).sort()).toEqual(['Main', 'jicofo', 'jvb', 'prosody']);
    expect(containers.map((c) => c.Image).sort()).toEqual(['jicofo', 'jvb', 'prosody', 'web'].map((c) => `jitsi/${c}:${JITSI_IMAGE_TAG}`));
    expect(JITSI_IMAGE_TAG).toMatch(/^stable-\d{4,6}$/);
    expect(containers.every((c) => c.Essential)).toBe(true);
  });

  it('gives Main exactly one named TCP port: nginx\'s 8000', () => {
    expect(byName('Main').PortMappings).toEqual([{ ContainerPort: 8000, Protocol: 'tcp', Name: 'http', AppProtocol: 'http' }]);
    expect(byName('jvb').PortMappings).toEqual([{ ContainerPort: 10000, Protocol: 'udp', Name: 'media' }]);
  });

  it('serves plain HTTP behind the load balancer, talks to prosody on localhost, relative BOSH without a domain', () => {
    expect(env('Main')).toMatchObject({
      DISABLE_HTTPS: '1', ENABLE_HTTP_REDIRECT: '0', XMPP_BOSH_URL_BASE: 'http://127.0.0.1:5280', BOSH_RELATIVE: 'true', ENABLE_XMPP_WEBSOCKET: '0',
    });
    expect(env('Main').PUBLIC_URL).toBeUndefined();
    for (const c of ['jicofo', 'jvb']) expect(env(c).XMPP_SERVER).toBe('127.0.0.1');
  });

  it('opens jicofo\'s REST to the probe with health checks, and switches its state-changing endpoints off', () => {
    expect(env('jicofo')).toMatchObject({ JICOFO_ENABLE_REST: '1', JICOFO_ENABLE_HEALTH_CHECKS: '1' });
    const options = String(env('jicofo').JAVA_TOOL_OPTIONS).split(' ');
    expect(options.sort()).toEqual([
      '-Djicofo.rest.conference-request.enabled=false', '-Djicofo.rest.debug.enabled=false',
      '-Djicofo.rest.move-endpoints.enabled=false', '-Djicofo.rest.pin.enabled=false',
    ]);
  });

  it('caps both JVM heaps inside the task memory', () => {
    expect(env('jvb').VIDEOBRIDGE_MAX_MEMORY).toBe('3072m');
    expect(env('jicofo').JICOFO_MAX_MEMORY).toBe('1536m');
    const heaps = jvmHeaps(30720);
    expect(heaps.jvb + heaps.jicofo).toBeLessThan(30720 * 0.6);
  });

  it('finds the bridge\'s public address by STUN, never by the AWS harvester', () => {
    expect(env('jvb')).toMatchObject({ JVB_STUN_SERVERS: 'meet-jit-si-turnrelay.jitsi.net:443', DISABLE_AWS_HARVESTER: 'true', JVB_PORT: '10000' });
    const custom = synthVariant('jitsi', { jitsi: { stunServers: ['stun.example.org:3478', '192.0.2.10:3478'] } });
    const jvb = (only(custom.template, 'AWS::ECS::TaskDefinition').Properties.ContainerDefinitions as Container[]).find((c) => c.Name === 'jvb')!;
    expect(jvb.Environment).toContainEqual({ Name: 'JVB_STUN_SERVERS', Value: 'stun.example.org:3478,192.0.2.10:3478' });
  });

  it('takes the component passwords from one generated secret (JSON key), never from plain environment values', () => {
    const secret = only(template, 'AWS::SecretsManager::Secret');
    expect(secret.Properties.GenerateSecretString).toMatchObject({ SecretStringTemplate: '{}', GenerateStringKey: 'componentPassword' });
    const fromKey = { 'Fn::Join': ['', [{ Ref: secretId }, ':componentPassword::']] };
    expect(byName('prosody').Secrets).toEqual([{ Name: 'JICOFO_AUTH_PASSWORD', ValueFrom: fromKey }, { Name: 'JVB_AUTH_PASSWORD', ValueFrom: fromKey }]);
    expect(byName('jicofo').Secrets).toEqual([{ Name: 'JICOFO_AUTH_PASSWORD', ValueFrom: fromKey }]);
    expect(byName('jvb').Secrets).toEqual([{ Name: 'JVB_AUTH_PASSWORD', ValueFrom: fromKey }]);
    for (const c of containers) expect((c.Environment ?? []).some((e) => /PASSWORD/.test(e.Name))).toBe(false);
  });

  it('health-checks prosody, jicofo and jvb with their own scripts, and starts Main only when all three are HEALTHY', () => {
    for (const c of ['prosody', 'jicofo', 'jvb']) {
      expect(byName(c).HealthCheck).toMatchObject({ Command: ['CMD', '/usr/local/bin/healthcheck.sh'], Interval: 5, Timeout: 3, Retries: 3 });
    }
    expect(byName('Main').HealthCheck).toBeUndefined();
    expect(byName('Main').DependsOn).toEqual(['prosody', 'jicofo', 'jvb'].map((n) => ({ ContainerName: n, Condition: 'HEALTHY' })));
    for (const c of ['jicofo', 'jvb']) expect(byName(c).DependsOn).toEqual([{ ContainerName: 'prosody', Condition: 'HEALTHY' }]);
  });

  it('logs every container to one log group with retention', () => {
    const logGroupId = Object.entries(template.findResources('AWS::Logs::LogGroup'))
      .find(([id]) => id.startsWith('JitsiTaskLogs'))!;
    expect(logGroupId[1].Properties.RetentionInDays).toBe(30);
    for (const c of containers) {
      expect(c.LogConfiguration).toMatchObject({ LogDriver: 'awslogs', Options: { 'awslogs-group': { Ref: logGroupId[0] }, 'awslogs-stream-prefix': c.Name === 'Main' ? 'web' : c.Name } });
    }
  });

  it('follows the configured size and architecture, and the domain as PUBLIC_URL with WebSockets', () => {
    const { template: t } = synthVariant('jitsi-domain', { jitsi: { architecture: 'X86_64', cpu: 8192, memoryMiB: 16384 } });
    const td = only(t, 'AWS::ECS::TaskDefinition');
    expect(td.Properties).toMatchObject({ Cpu: '8192', Memory: '16384', RuntimePlatform: { CpuArchitecture: 'X86_64' } });
    const web = (td.Properties.ContainerDefinitions as Container[]).find((c) => c.Name === 'Main')!;
    expect(web.Environment).toContainEqual({ Name: 'PUBLIC_URL', Value: 'https://meet.example.org' });
    expect((web.Environment ?? []).map((e) => e.Name)).not.toContain('BOSH_RELATIVE');
  });
});
