import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { FAILOVER_STATUS_CODES, SIGNALLING_PATHS, STATIC_PATHS } from '../../infra/constructs/meeting-front/meeting-front.js';
import { only, synthVariant, type Resource } from './jitsi-fixtures.js';

type Behavior = { PathPattern?: string; TargetOriginId: string; AllowedMethods: string[]; CachePolicyId: string; OriginRequestPolicyId?: string; ViewerProtocolPolicy: string };
type Origin = { Id: string; DomainName: unknown; CustomOriginConfig: Record<string, unknown> };

// Managed policy ids (CloudFront documentation, "Use managed cache/origin request policies").
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';
const ALL = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'];

describe('canonical meeting link (config section domain)', () => {
  const { template, app } = synthVariant('jitsi-domain');
  const config = only(template, 'AWS::CloudFront::Distribution').Properties.DistributionConfig as Record<string, unknown>;
  const origins = config.Origins as Origin[];
  const behaviors = config.CacheBehaviors as Behavior[];
  const group = (config.OriginGroups as { Items: { Id: string; FailoverCriteria: { StatusCodes: unknown }; Members: { Items: { OriginId: string }[] } }[] }).Items[0]!;
  const originById = (id: string) => origins.find((o) => o.Id === id)!;
  const behavior = (path: string) => behaviors.find((b) => b.PathPattern === path)!;
  const wakeOriginId = origins.find((o) => o.DomainName === 'stz-origin.meet.example.org')!.Id;

  it('serves https://<domain> with the us-east-1 certificate, TLS 1.2+', () => {
    expect(config.Aliases).toEqual(['meet.example.org']);
    expect(config.ViewerCertificate).toMatchObject({ SslSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021' });
  });

  it('fails over from the Express endpoint to the wake API on 5xx, for GET/HEAD/OPTIONS only, uncached', () => {
    const def = config.DefaultCacheBehavior as Behavior;
    expect(def.TargetOriginId).toBe(group.Id);
    expect(def.AllowedMethods).toEqual(['GET', 'HEAD', 'OPTIONS']);
    expect(def).toMatchObject({ CachePolicyId: CACHING_DISABLED, OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST, ViewerProtocolPolicy: 'redirect-to-https' });
    expect(group.FailoverCriteria.StatusCodes).toEqual({ Items: FAILOVER_STATUS_CODES, Quantity: 4 });
    expect(FAILOVER_STATUS_CODES).toEqual([500, 502, 503, 504]);
    const [primary, secondary] = group.Members.Items.map((m) => originById(m.OriginId)) as [Origin & Record<string, unknown>, Origin];
    expect(JSON.stringify(primary.DomainName)).toContain('Endpoint');
    expect(primary.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only' });
    // One short attempt, so a sleeping service shows the waiting page within about a second.
    expect(primary).toMatchObject({ ConnectionAttempts: 1, ConnectionTimeout: 1 });
    expect(secondary.Id).toBe(wakeOriginId);
  });

  it('never caches a 5xx answer (CloudFront would keep a "starting" 503 for 10 s by default)', () => {
    expect(config.CustomErrorResponses).toEqual(FAILOVER_STATUS_CODES.map((code) => ({ ErrorCode: code, ErrorCachingMinTTL: 0 })));
  });

  it('sends signalling to the Express origin only, all methods, uncached', () => {
    for (const path of SIGNALLING_PATHS) {
      const b = behavior(path);
      expect(b.AllowedMethods).toEqual(ALL);
      expect(b).toMatchObject({ CachePolicyId: CACHING_DISABLED, OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST });
      expect(originById(b.TargetOriginId).CustomOriginConfig).toMatchObject({ OriginReadTimeout: 60, OriginProtocolPolicy: 'https-only' });
      expect(b.TargetOriginId).not.toBe(wakeOriginId);
    }
    expect(SIGNALLING_PATHS).toEqual(['/http-bind*', '/xmpp-websocket*', '/colibri-ws/*']);
  });

  it('routes /_stz/* to the wake API (all methods, uncached) and keeps /api/* away from the controller', () => {
    expect(behavior('/_stz/*')).toMatchObject({ TargetOriginId: wakeOriginId, AllowedMethods: ALL, CachePolicyId: CACHING_DISABLED, OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST });
    expect(behavior('/api/*').TargetOriginId).not.toBe(wakeOriginId);
  });

  it('caches Jitsi\'s static assets from the Express origin, keyed by path and ?v= (Jitsi\'s asset version)', () => {
    const [policyId, policy] = Object.entries(template.findResources('AWS::CloudFront::CachePolicy'))[0]!;
    expect(Object.keys(template.findResources('AWS::CloudFront::CachePolicy'))).toHaveLength(1);
    expect(policy.Properties.CachePolicyConfig.ParametersInCacheKeyAndForwardedToOrigin).toEqual({
      QueryStringsConfig: { QueryStringBehavior: 'whitelist', QueryStrings: ['v'] },
      HeadersConfig: { HeaderBehavior: 'none' },
      CookiesConfig: { CookieBehavior: 'none' },
      EnableAcceptEncodingGzip: true,
      EnableAcceptEncodingBrotli: true,
    });
    expect(policy.Properties.CachePolicyConfig).toMatchObject({ MinTTL: 0, DefaultTTL: 86400, MaxTTL: 365 * 86400 });
    for (const path of STATIC_PATHS) {
      expect(behavior(path)).toMatchObject({ AllowedMethods: ['GET', 'HEAD'], CachePolicyId: { Ref: policyId } });
      // No origin request policy: the origin gets only the cache key and its own Host (Express routes on it).
      expect(behavior(path).OriginRequestPolicyId).toBeUndefined();
      expect(behavior(path).TargetOriginId).not.toBe(wakeOriginId);
    }
    expect(behaviors).toHaveLength(STATIC_PATHS.length + SIGNALLING_PATHS.length + 2);
  });

  it('points alias A and AAAA records at the distribution, and the API origin name at the API custom domain', () => {
    const records = (Object.values(template.findResources('AWS::Route53::RecordSet')) as Resource[]).map((r) => r.Properties);
    expect(records.map((r) => [r.Name, r.Type]).sort()).toEqual([
      ['meet.example.org.', 'A'], ['meet.example.org.', 'AAAA'], ['stz-origin.meet.example.org.', 'A'],
    ]);
    for (const r of records) expect(r.HostedZoneId).toBe('Z0123456789ABCDEFGHIJ');
    const api = records.find((r) => r.Name === 'stz-origin.meet.example.org.')!;
    expect(JSON.stringify(api.AliasTarget)).toContain('RegionalDomainName');
  });

  it('turns the wake API\'s execute-api endpoint off and serves it under the origin name with a regional certificate', () => {
    expect(only(template, 'AWS::ApiGatewayV2::Api').Properties.DisableExecuteApiEndpoint).toBe(true);
    expect(only(template, 'AWS::ApiGatewayV2::DomainName').Properties.DomainName).toBe('stz-origin.meet.example.org');
    expect(only(template, 'AWS::CertificateManager::Certificate').Properties).toMatchObject({
      DomainName: 'stz-origin.meet.example.org', ValidationMethod: 'DNS',
      DomainValidationOptions: [{ DomainName: 'stz-origin.meet.example.org', HostedZoneId: 'Z0123456789ABCDEFGHIJ' }],
    });
  });

  it('makes the CloudFront certificate in us-east-1 (companion stack) when the stack lives elsewhere', () => {
    const companion = app.node.findChild('TestStack-Certificate') as Stack;
    expect(companion.region).toBe('us-east-1');
    const cert = only(Template.fromStack(companion), 'AWS::CertificateManager::Certificate');
    expect(cert.Properties).toMatchObject({ DomainName: 'meet.example.org', ValidationMethod: 'DNS' });
  });

  it('uses a given us-east-1 certificate without a companion stack', () => {
    const arn = 'arn:aws:acm:us-east-1:123456789012:certificate/0f7a8b2c-1d2e-4f50-9a6b-7c8d9e0f1a2b';
    const { template: t, app: a } = synthVariant('jitsi-domain', { domain: { name: 'meet.example.org', hostedZoneId: 'Z0123456789ABCDEFGHIJ', hostedZoneName: 'example.org', certificateArn: arn } });
    expect(a.node.tryFindChild('TestStack-Certificate')).toBeUndefined();
    expect((only(t, 'AWS::CloudFront::Distribution').Properties.DistributionConfig as { ViewerCertificate: unknown }).ViewerCertificate).toMatchObject({ AcmCertificateArn: arn });
  });

  it('switches the controller to canonical links: meeting URL on the domain, readiness probed at the Express origin', () => {
    const fns = Object.entries(template.findResources('AWS::Lambda::Function')) as [string, Resource][];
    const env = (prefix: string) => (fns.find(([id]) => id.startsWith(prefix))![1].Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    for (const fn of ['ControllerWakeFunction', 'ControllerWatchFunction', 'ControllerIdleShutdownFunction']) {
      expect(env(fn)).toMatchObject({ MEETING_BASE_URL: 'https://meet.example.org', LINK_MODE: 'canonical' });
      expect(JSON.stringify(env(fn).READINESS_BASE_URL)).toContain('Endpoint');
    }
    expect(env('ControllerProbeFunction').LINK_MODE).toBeUndefined();
    const web = (only(template, 'AWS::ECS::TaskDefinition').Properties.ContainerDefinitions as { Name: string; Environment: unknown[] }[]).find((c) => c.Name === 'Main')!;
    expect(web.Environment).toContainEqual({ Name: 'PUBLIC_URL', Value: 'https://meet.example.org' });
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(outputs.MeetingUrl!.Value).toBe('https://meet.example.org');
    expect(outputs.WakeUrl!.Value).toBe('https://meet.example.org/');
  });

  it('fronts an existing Express service by its host name', () => {
    const { template: t } = synthVariant('existing-service-domain');
    const origins2 = (only(t, 'AWS::CloudFront::Distribution').Properties.DistributionConfig as { Origins: Origin[] }).Origins;
    expect(origins2.filter((o) => o.DomainName === 'ji-0123456789abcdef.ecs.eu-central-1.on.aws')).toHaveLength(2);
    t.resourceCountIs('AWS::ECS::ExpressGatewayService', 0);
    const wake = (Object.entries(t.findResources('AWS::Lambda::Function')) as [string, Resource][]).find(([id]) => id.startsWith('ControllerWakeFunction'))![1];
    expect((wake.Properties.Environment as { Variables: Record<string, unknown> }).Variables).toMatchObject({
      READINESS_BASE_URL: 'https://ji-0123456789abcdef.ecs.eu-central-1.on.aws', LINK_MODE: 'canonical',
      SERVICE_GROUP: 'arn:aws:ecs:eu-central-1:123456789012:service/jitsi/jitsi',
    });
  });
});
