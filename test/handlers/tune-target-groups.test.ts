import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ElasticLoadBalancingV2Client, ModifyTargetGroupAttributesCommand, ModifyTargetGroupCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import type { CfnResponse } from '../../shared/adapters/http/cfn-response.js';
import { logger, metrics } from '../../shared/observability.js';
import { createTuneHandler } from '../../functions/tune-target-groups/handler.js';
import { lambdaContext } from '../../local/lambda-context.js';
import { silenceOutput } from './support.js';

const TG1 = 'arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/ecs-gateway-tg-jitsi-1/0123456789abcdef';
const TG2 = 'arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/ecs-gateway-tg-jitsi-2/fedcba9876543210';

function createEvent(): CloudFormationCustomResourceEvent {
  return JSON.parse(readFileSync(join(process.cwd(), 'events', 'cfn-tune-create.json'), 'utf8')) as CloudFormationCustomResourceEvent;
}

function setup() {
  const elb = mockClient(ElasticLoadBalancingV2Client);
  elb.on(ModifyTargetGroupCommand).resolves({}).on(ModifyTargetGroupAttributesCommand).resolves({});
  const responses: { url: string; body: CfnResponse }[] = [];
  const handler = createTuneHandler({
    elb: new ElasticLoadBalancingV2Client({ region: 'eu-central-1' }),
    respond: async (url, body) => { responses.push({ url, body }); },
    logger,
    metrics,
  });
  return { elb, responses, invoke: (e: CloudFormationCustomResourceEvent) => handler(e, lambdaContext('tune-target-groups')) };
}

describe('tune-target-groups custom resource', () => {
  let output: ReturnType<typeof silenceOutput>;
  beforeEach(() => { output = silenceOutput(); });
  afterEach(() => output.restore());

  it('sets fast health checks and a 30 s deregistration delay on every listed target group, then reports success', async () => {
    const { elb, responses, invoke } = setup();

    await invoke(createEvent());

    expect(elb.commandCalls(ModifyTargetGroupCommand).map((c) => c.args[0].input)).toEqual([TG1, TG2].map((arn) => ({
      TargetGroupArn: arn, HealthCheckIntervalSeconds: 5, HealthCheckTimeoutSeconds: 4, HealthyThresholdCount: 2, UnhealthyThresholdCount: 2,
    })));
    expect(elb.commandCalls(ModifyTargetGroupAttributesCommand).map((c) => c.args[0].input)).toEqual([TG1, TG2].map((arn) => ({
      TargetGroupArn: arn, Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }],
    })));
    expect(responses).toHaveLength(1);
    expect(responses[0]!.url).toBe(createEvent().ResponseURL);
    expect(responses[0]!.body).toMatchObject({
      Status: 'SUCCESS', PhysicalResourceId: 'tune-target-groups:JitsiTargetGroupTuning0A1B2C3D',
      RequestId: '6f1e2d3c-4b5a-4697-8877-665544332211', LogicalResourceId: 'JitsiTargetGroupTuning0A1B2C3D',
      Data: { TargetGroupCount: '2' },
    });
    expect(output.json().some((l) => l.action === 'tune' && l.message === 'tuned target groups')).toBe(true);
  });

  it('accepts the ARNs as the comma-joined string the stack sends', async () => {
    const { elb, responses, invoke } = setup();
    const event = createEvent();
    event.ResourceProperties = { ...event.ResourceProperties, TargetGroupArns: `${TG1},${TG2}` };

    await invoke(event);

    expect(elb.commandCalls(ModifyTargetGroupCommand).map((c) => c.args[0].input.TargetGroupArn)).toEqual([TG1, TG2]);
    expect(responses[0]!.body.Status).toBe('SUCCESS');
  });

  it('applies the same settings again on Update and keeps the physical id (idempotent)', async () => {
    const { elb, responses, invoke } = setup();
    const update = { ...createEvent(), RequestType: 'Update', PhysicalResourceId: 'tune-target-groups:JitsiTargetGroupTuning0A1B2C3D', OldResourceProperties: {} } as CloudFormationCustomResourceEvent;

    await invoke(update);
    await invoke(update);

    expect(elb.commandCalls(ModifyTargetGroupCommand)).toHaveLength(4);
    expect(responses.map((r) => [r.body.Status, r.body.PhysicalResourceId])).toEqual([
      ['SUCCESS', 'tune-target-groups:JitsiTargetGroupTuning0A1B2C3D'], ['SUCCESS', 'tune-target-groups:JitsiTargetGroupTuning0A1B2C3D'],
    ]);
  });

  it('does nothing on Delete but report success (Express owns the target groups)', async () => {
    const { elb, responses, invoke } = setup();
    const del = { ...createEvent(), RequestType: 'Delete', PhysicalResourceId: 'tune-target-groups:X' } as CloudFormationCustomResourceEvent;

    await invoke(del);

    expect(elb.calls()).toHaveLength(0);
    expect(responses.map((r) => [r.body.Status, r.body.PhysicalResourceId])).toEqual([['SUCCESS', 'tune-target-groups:X']]);
  });

  it('rejects bad properties with every reason and changes nothing', async () => {
    const { elb, responses, invoke } = setup();
    const event = createEvent();
    event.ResourceProperties = { ...event.ResourceProperties, TargetGroupArns: 'arn:aws:s3:::bucket', HealthCheckIntervalSeconds: '1', HealthyThresholdCount: 'two' };

    await invoke(event);

    expect(elb.calls()).toHaveLength(0);
    expect(responses[0]!.body.Status).toBe('FAILED');
    expect(responses[0]!.body.Reason).toMatch(/not target group ARNs: arn:aws:s3:::bucket/);
    expect(responses[0]!.body.Reason).toMatch(/HealthCheckIntervalSeconds must be an integer from 5 to 300/);
    expect(responses[0]!.body.Reason).toMatch(/HealthyThresholdCount must be an integer from 2 to 10/);
  });

  it('rejects a timeout that is not below the interval', async () => {
    const { elb, responses, invoke } = setup();
    const event = createEvent();
    event.ResourceProperties = { ...event.ResourceProperties, HealthCheckTimeoutSeconds: '5' };

    await invoke(event);

    expect(elb.calls()).toHaveLength(0);
    expect(responses[0]!.body.Reason).toBe('HealthCheckTimeoutSeconds must be less than HealthCheckIntervalSeconds');
  });

  it('reports an ELB error as FAILED with its name instead of hanging the stack', async () => {
    const { elb, responses, invoke } = setup();
    elb.on(ModifyTargetGroupCommand).rejects(Object.assign(new Error('Target group not found'), { name: 'TargetGroupNotFoundException' }));

    await invoke(createEvent());

    expect(responses[0]!.body).toMatchObject({ Status: 'FAILED', Reason: 'tuning failed: TargetGroupNotFoundException: Target group not found' });
  });
});
