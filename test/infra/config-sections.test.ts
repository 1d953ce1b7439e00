import { ConfigError, loadConfig } from '../../infra/config.js';
import { VARIANTS } from '../../infra/variants.js';

function problems(context: Record<string, unknown>, env: Record<string, string> = {}): string[] {
  try {
    loadConfig({ context, env });
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

const DOMAIN = { name: 'meet.example.org', hostedZoneId: 'Z0123456789ABCDEFGHIJ', hostedZoneName: 'example.org' };

describe('deploy config sections jitsi and domain', () => {
  it('accepts every CI variant', () => {
    for (const context of Object.values(VARIANTS)) expect(problems(context)).toEqual([]);
  });

  it('fills the jitsi section with documented defaults and needs no service group, URL or network ids', () => {
    const c = loadConfig({ context: { jitsi: {} } });

    expect(c.jitsi).toEqual({
      serviceName: 'jitsi', architecture: 'ARM64', cpu: 4096, memoryMiB: 8192,
      vpcId: undefined, vpcCidr: undefined, publicSubnetIds: [], stunServers: ['meet-jit-si-turnrelay.jitsi.net:443'],
    });
    expect(c.domain).toBeUndefined();
  });

  it('refuses flat keys the jitsi section derives, naming each', () => {
    expect(problems({ jitsi: {}, serviceGroup: ['jitsi/web'], vpcId: 'vpc-0123456789abcdef0' })).toEqual([
      'serviceGroup is set by the jitsi section; remove it (from context "jitsi-scale-to-zero")',
      'vpcId is set by the jitsi section; remove it (from context "jitsi-scale-to-zero")',
    ]);
  });

  it('names every bad jitsi value at once', () => {
    expect(problems({ jitsi: { architecture: 'arm', cpu: 4096, memoryMiB: 4096, vpcId: 'vpc-0123456789abcdef0', stunServers: ['not a server'], colour: 'blue' } })).toEqual([
      'unknown key "jitsi.colour" (known: serviceName, architecture, cpu, memoryMiB, vpcId, vpcCidr, publicSubnetIds, stunServers)',
      'jitsi.architecture must be ARM64 or X86_64 (got "arm")',
      expect.stringMatching(/^jitsi\.memoryMiB must be one of 8192, 9216, .*30720 \(got 4096\)$/),
      'jitsi.stunServers has invalid entries "not a server" (host:port)',
      'jitsi.vpcId, jitsi.vpcCidr and jitsi.publicSubnetIds must be set together (or none, for a new VPC)',
    ]);
  });

  it('requires the probe activity source with the jitsi section', () => {
    expect(problems({ jitsi: {}, activitySource: 'metric', activityMetricNamespace: 'J', activityMetricName: 'p' }))
      .toEqual(['activitySource must be "probe" with the jitsi section (the stack admits the probe to the task security group)']);
  });

  it('reads a section from STZ_JITSI / STZ_DOMAIN as JSON', () => {
    const c = loadConfig({ context: {}, env: { STZ_JITSI: '{"cpu": 8192, "memoryMiB": 16384}', STZ_DOMAIN: JSON.stringify({ ...DOMAIN, certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0f7a8b2c-1d2e-4f50-9a6b-7c8d9e0f1a2b' }) } });

    expect(c.jitsi).toMatchObject({ cpu: 8192, memoryMiB: 16384 });
    expect(c.domain).toMatchObject({ name: 'meet.example.org', originLabel: 'stz-origin' });
  });

  it('wants the CloudFront certificate in us-east-1', () => {
    expect(problems({ jitsi: {}, domain: { ...DOMAIN, certificateArn: 'arn:aws:acm:eu-central-1:123456789012:certificate/0f7a8b2c-1d2e-4f50-9a6b-7c8d9e0f1a2b' } }))
      .toEqual(['domain.certificateArn must be in us-east-1: CloudFront only uses certificates from that region']);
  });

  it('needs account and region to create the certificate through the us-east-1 companion stack', () => {
    expect(problems({ jitsi: {}, domain: DOMAIN })).toEqual([expect.stringMatching(/^creating the CloudFront certificate needs account and region set/)]);
    expect(problems({ jitsi: {}, domain: DOMAIN, region: 'us-east-1' })).toEqual([]);
  });

  it('needs the existing service\'s Express host name without the jitsi section, and refuses it with', () => {
    const cert = { certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0f7a8b2c-1d2e-4f50-9a6b-7c8d9e0f1a2b' };
    expect(problems({ ...VARIANTS['controller-only'], meetingBaseUrl: undefined, domain: { ...DOMAIN, ...cert } }))
      .toEqual(['domain.expressEndpoint is required without the jitsi section (the existing Express service\'s host name)']);
    expect(problems({ jitsi: {}, domain: { ...DOMAIN, ...cert, expressEndpoint: 'x.ecs.eu-central-1.on.aws' } }))
      .toEqual(['domain.expressEndpoint is set by the jitsi section; remove it']);
  });

  it('refuses the wake-API-only custom domain next to the domain section, and a name outside the zone', () => {
    const got = problems({
      jitsi: {}, region: 'us-east-1', domainName: 'join.example.org',
      certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0f7a8b2c-1d2e-4f50-9a6b-7c8d9e0f1a2b',
      domain: { ...DOMAIN, name: 'meet.example.com' },
    });
    expect(got).toEqual([
      'domain.name "meet.example.com" is not inside domain.hostedZoneName "example.org"',
      expect.stringMatching(/^domainName\/certificateArn \(a custom domain on the wake API alone\) and the domain section exclude each other/),
    ]);
  });
});
