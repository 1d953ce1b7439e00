import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { CREATE_REQUIRE_BANNER } from '../../infra/constructs/controller-function.js';
import { LAMBDA_ALIASES, lambdaBuildOptions } from '../../infra/lambda-bundling.js';
import { FUNCTION_SPECS } from '../../infra/constructs/function-catalog.js';
import { ScaleToZeroStack } from '../../infra/stack.js';
import { CONSTRUCT_ENVIRONMENT } from '../../infra/config-schema.js';
import { exampleConfig, functionArn, logicalId, synthStack } from './infra-fixtures.js';

describe('controller functions', () => {
  const { stack, template } = synthStack();

  it('deploys the seven functions on nodejs24.x / arm64 with their memory and timeout', () => {
    template.resourceCountIs('AWS::Lambda::Function', 7);
    for (const [id, spec] of [['Wake', FUNCTION_SPECS.wake], ['Probe', FUNCTION_SPECS.probe], ['IdleShutdown', FUNCTION_SPECS['idle-shutdown']], ['PrewarmApi', FUNCTION_SPECS['prewarm-api']]] as const) {
      template.hasResource('AWS::Lambda::Function', {
        Properties: Match.objectLike({
          Runtime: 'nodejs24.x',
          Architectures: ['arm64'],
          MemorySize: spec.memorySize,
          Timeout: spec.timeout.toSeconds(),
          LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: logicalId(stack, `${id}/Logs`) } },
        }),
      });
    }
    const runtimes = Object.values(template.findResources('AWS::Lambda::Function')).map((r) => r.Properties.Runtime);
    expect(new Set(runtimes)).toEqual(new Set(['nodejs24.x']));
  });

  it('CONSTRUCT_ENVIRONMENT (what extraEnvironment may not override) is exactly what the stack sets', () => {
    const full = synthStack({ supportContact: 'it@example.org' }, { sourceMaps: true });
    const keys = Object.values(full.template.findResources('AWS::Lambda::Function'))
      .flatMap((f) => Object.keys((f.Properties as { Environment?: { Variables?: object } }).Environment?.Variables ?? {}));
    expect([...new Set(keys)].filter((k) => !k.startsWith('POWERTOOLS_') || k === 'POWERTOOLS_SERVICE_NAME').sort())
      // The metric activity source and the canonical link (the `domain` section, meeting-front.test.ts) add the rest.
      .toEqual(CONSTRUCT_ENVIRONMENT.filter((k) => !k.startsWith('ACTIVITY_METRIC_') && k !== 'LINK_MODE' && k !== 'READINESS_BASE_URL').slice().sort());
  });

  it('extraEnvironment never replaces a variable the stack sets, even if validation were bypassed', () => {
    const config = { ...exampleConfig(), extraEnvironment: { SERVICE_GROUP: 'other/web', STATUS_CACHE_MS: '1000' } };
    const template = Template.fromStack(new ScaleToZeroStack(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), 'Bypass', { config, code: 'inline' }));
    const wake = Object.values(template.findResources('AWS::Lambda::Function')).map((f) => f.Properties.Environment.Variables).find((v) => v.PREWARM_LEAD_MINUTES);
    expect(wake).toMatchObject({ SERVICE_GROUP: config.serviceGroup.join(','), STATUS_CACHE_MS: '1000' });
  });

  it('an environment-agnostic stack refuses to deploy outside the members\' region (a CloudFormation rule)', () => {
    const regionRules = (t: Template) => Object.entries((t.toJSON().Rules ?? {}) as Record<string, unknown>).filter(([id]) => id.includes('MembersRegion')).map(([, r]) => r);
    expect(regionRules(template)).toEqual([{
      Assertions: [{ Assert: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'eu-central-1'] }, AssertDescription: expect.stringMatching(/deploy the controller there/) }],
    }]);
    expect(regionRules(synthStack({ region: 'eu-central-1' }).template)).toEqual([]);
  });

  it('gives every function its own log group with the configured retention', () => {
    // Seven function log groups plus the API access log group.
    template.resourceCountIs('AWS::Logs::LogGroup', 8);
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  it('starts each role with write access to its own log group only (no AWS managed policies)', () => {
    for (const role of Object.values(template.findResources('AWS::IAM::Role'))) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: logicalId(stack, 'Wake/Role') }],
      PolicyDocument: { Statement: Match.arrayWith([{ Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Effect: 'Allow', Resource: { 'Fn::GetAtt': [logicalId(stack, 'Wake/Logs'), 'Arn'] } }]) },
    });
  });

  it('wires the environment contract of docs/CONTRACTS.md', () => {
    const envOf = (id: string) => template.findResources('AWS::Lambda::Function')[logicalId(stack, `${id}/Function`)]!.Properties.Environment.Variables;
    const common = {
      SERVICE_GROUP: 'arn:aws:ecs:eu-central-1:123456789012:service/jitsi/jitsi-web,arn:aws:ecs:eu-central-1:123456789012:service/jitsi/jitsi-jvb',
      MEETING_BASE_URL: 'https://meet.example.org',
      CONTROLLER_BACKEND: 'aws',
      GROUP_NAME: 'jitsi',
      METRIC_NAMESPACE: 'JitsiScaleToZero',
      POWERTOOLS_SERVICE_NAME: 'jitsi-scale-to-zero',
    };

    expect(envOf('Wake')).toMatchObject(common);
    // The pre-warm API is its own function: the wake function gets none of its variables.
    expect(Object.keys(envOf('Wake')).filter((k) => /PREWARM|SCHEDULE/.test(k))).toEqual([]);
    expect(envOf('PrewarmApi')).toMatchObject({
      ...common,
      PREWARM_TOKEN_PARAMETER: '/jitsi/prewarm-token',
      PREWARM_FUNCTION_ARN: functionArn(stack, 'Prewarm'),
      SCHEDULE_GROUP_NAME: expect.stringMatching(/^TestStack-Controller-Schedules-OneTimeGroup-/),
      SCHEDULER_ROLE_ARN: { 'Fn::GetAtt': [logicalId(stack, 'Schedules/OneTimeRole'), 'Arn'] },
      TIME_ZONE: 'Europe/Berlin',
    });
    expect(envOf('Watch')).toMatchObject({ ...common, ACTIVITY_SOURCE: 'probe', PROBE_FUNCTION_NAME: { Ref: logicalId(stack, 'Probe/Function') }, JICOFO_STATS_PORT: '8888', JVB_STATS_PORT: '8080' });
    expect(envOf('IdleShutdown')).toMatchObject({
      ...common,
      NO_JOIN_ALARM_NAME: 'TestStack-jitsi-no-join',
      EMPTY_ALARM_NAME: 'TestStack-jitsi-empty',
      NO_JOIN_MINUTES: '10',
      EMPTY_MINUTES: '15',
      STOP_GRACE_MINUTES: '5',
      PROBE_FUNCTION_NAME: { Ref: logicalId(stack, 'Probe/Function') },
    });
    expect(envOf('PowerDown')).toMatchObject({ ...common, POWER_DOWN_POLICY: 'defer', POWER_DOWN_RECHECK_MINUTES: '15', POWER_DOWN_MAX_DEFER_MINUTES: '240', TIME_ZONE: 'Europe/Berlin' });
    expect(envOf('Prewarm')).toMatchObject(common);
    // The probe gets ports and timeout only: it makes no AWS calls.
    expect(Object.keys(envOf('Probe')).sort()).toEqual(['JICOFO_STATS_PORT', 'JVB_STATS_PORT', 'METRIC_NAMESPACE', 'POWERTOOLS_SERVICE_NAME', 'STATS_TIMEOUT_MS']);
  });

  it('never puts the pre-warm token itself into the environment', () => {
    const variables = Object.values(template.findResources('AWS::Lambda::Function')).flatMap((r) => Object.keys(r.Properties.Environment.Variables));

    expect(variables.filter((v) => /TOKEN/.test(v))).toEqual(['PREWARM_TOKEN_PARAMETER']);
  });

  it('builds real code with the house esbuild settings, the build the bench measures (bundling skipped here)', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const real = new ScaleToZeroStack(app, 'Bundled', { config: exampleConfig(), code: 'bundle', functions: ['wake'] });

    Template.fromStack(real).hasResourceProperties('AWS::Lambda::Function', { Handler: 'index.handler', Runtime: 'nodejs24.x', Architectures: ['arm64'] });
    expect(CREATE_REQUIRE_BANNER).toMatch(/createRequire.*import\.meta\.url/);
    expect(lambdaBuildOptions('functions/wake/index.ts', '/out')).toMatchObject({
      bundle: true, format: 'esm', platform: 'node', target: 'node24', minify: true, splitting: true, external: [],
      outExtension: { '.js': '.mjs' }, mainFields: ['module', 'main'], banner: { js: CREATE_REQUIRE_BANNER }, alias: LAMBDA_ALIASES, sourcemap: false,
    });
  });
});
