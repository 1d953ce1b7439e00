/**
 * Named deploy configurations that cover every shape the app can synthesize: used by the cfn-lint run in CI
 * (scripts/synth-variants.ts) and by the infra tests, so both check the same templates.
 */
const CONTROLLER_ONLY = {
  serviceGroup: ['arn:aws:ecs:eu-central-1:123456789012:service/jitsi/jitsi-web', 'arn:aws:ecs:eu-central-1:123456789012:service/jitsi/jitsi-jvb'],
  meetingBaseUrl: 'https://meet.example.org',
  timeZone: 'Europe/Berlin',
  vpcId: 'vpc-0123456789abcdef0',
  subnetIds: ['subnet-0123456789abcdef0', 'subnet-0fedcba9876543210'],
  taskSecurityGroupIds: ['sg-0123456789abcdef0', 'sg-0fedcba9876543210'],
  prewarmTokenParameter: '/jitsi/prewarm-token',
};

const DOMAIN = { name: 'meet.example.org', hostedZoneId: 'Z0123456789ABCDEFGHIJ', hostedZoneName: 'example.org' };
const ENV = { account: '123456789012', region: 'eu-central-1' };

export const VARIANTS: Record<string, Record<string, unknown>> = {
  'controller-only': CONTROLLER_ONLY,
  jitsi: { timeZone: 'Europe/Berlin', prewarmTokenParameter: '/jitsi/prewarm-token', jitsi: {} },
  'jitsi-domain': { ...ENV, timeZone: 'Europe/Berlin', jitsi: { architecture: 'X86_64' }, domain: DOMAIN },
  'existing-service-domain': {
    ...ENV,
    serviceGroup: ['arn:aws:ecs:eu-central-1:123456789012:service/jitsi/jitsi'],
    timeZone: 'Europe/Berlin',
    vpcId: CONTROLLER_ONLY.vpcId,
    subnetIds: CONTROLLER_ONLY.subnetIds,
    taskSecurityGroupIds: ['sg-0123456789abcdef0'],
    domain: { ...DOMAIN, expressEndpoint: 'ji-0123456789abcdef.ecs.eu-central-1.on.aws', certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0f7a8b2c-1d2e-4f50-9a6b-7c8d9e0f1a2b' },
  },
};

/** Context a real `cdk synth` would have looked up once (cdk.context.json): the AZs of the explicit environment. */
export const VARIANT_CONTEXT = {
  'availability-zones:account=123456789012:region=eu-central-1': ['eu-central-1a', 'eu-central-1b', 'eu-central-1c'],
};
