import { Readable } from 'node:stream';
import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { HttpResponse, type HttpRequest } from '@smithy/core/transport';
import { createEcsClient } from '../../shared/adapters/aws/clients.js';
import { EcsServiceGroup } from '../../shared/adapters/aws/ecs-service-group.js';
import { ManualClock, FixedProbe } from '../../shared/adapters/memory/simulated-group.js';
import { loadWakeConfig } from '../../shared/config/core-config.js';
import { GroupController } from '../../shared/domain/controller.js';
import { toDependencyError } from '../../shared/domain/errors.js';
import { logger, metrics } from '../../shared/observability.js';
import { createWakeHandler } from '../../functions/wake/handler.js';
import { lambdaContext } from '../../local/lambda-context.js';
import { loadEvent, silenceOutput } from '../handlers/support.js';

const JSON_11 = { 'content-type': 'application/x-amz-json-1.1' };
const throttled = () => new HttpResponse({
  statusCode: 400, headers: { ...JSON_11, 'x-amzn-errortype': 'ThrottlingException', 'x-amzn-requestid': 'b6f2c1e0-throttle' },
  body: Readable.from([Buffer.from('{"__type":"ThrottlingException","message":"Rate exceeded"}')]),
});
const describeOk = () => new HttpResponse({
  statusCode: 200, headers: JSON_11,
  body: Readable.from([Buffer.from(JSON.stringify({ services: [{ serviceName: 'web', serviceArn: 'arn:aws:ecs:eu-central-1:123456789012:service/jitsi/web', status: 'ACTIVE', desiredCount: 0, runningCount: 0, pendingCount: 0, deployments: [] }], failures: [] }))]),
});

/** A real transport replacement: the whole SDK middleware stack (signing, retries, parsing) runs. */
class ScriptedTransport {
  readonly requests: HttpRequest[] = [];
  constructor(private readonly script: Array<() => HttpResponse>, private readonly fallback: () => HttpResponse) {}
  async handle(request: HttpRequest) {
    this.requests.push(request);
    return { response: (this.script.shift() ?? this.fallback)() };
  }
  targets(): string[] {
    return this.requests.map((r) => String(r.headers['x-amz-target']).split('.').pop()!);
  }
  updateHttpClientConfig(): void {}
  httpHandlerConfigs() { return {}; }
  destroy(): void {}
}

const productionMaxAttempts = () => createEcsClient().config.maxAttempts();
const clientOptions = async (transport: ScriptedTransport) => ({
  region: 'eu-central-1',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
  requestHandler: transport,
  // The production retry budget with a 1 ms backoff so the test is fast.
  maxAttempts: await productionMaxAttempts(),
  retryStrategy: new ConfiguredRetryStrategy(await productionMaxAttempts(), 1),
});

describe('ECS throttling', () => {
  it('the SDK retries a throttled DescribeServices and succeeds', async () => {
    const transport = new ScriptedTransport([throttled, throttled], describeOk);
    const ecs = new ECSClient(await clientOptions(transport));
    const out = await ecs.send(new DescribeServicesCommand({ cluster: 'jitsi', services: ['web'] }));
    expect(out.services?.[0]?.serviceName).toBe('web');
    expect(transport.targets()).toEqual(['DescribeServices', 'DescribeServices', 'DescribeServices']);
    expect(transport.requests.map((r) => r.headers['amz-sdk-request'])).toEqual(['attempt=1; max=4', 'attempt=2; max=4', 'attempt=3; max=4']);
  });

  it('gives up after the production retry budget with a retryable, clearly worded error', async () => {
    const transport = new ScriptedTransport([], throttled);
    const ecs = new ECSClient(await clientOptions(transport));
    const error = await ecs.send(new DescribeServicesCommand({ cluster: 'jitsi', services: ['web'] })).catch((e: unknown) => e);
    expect(transport.requests).toHaveLength(await productionMaxAttempts());
    expect(error).toMatchObject({ name: 'ThrottlingException' });
    expect(toDependencyError('describe service group', error)).toMatchObject({ retryable: true, message: 'describe service group failed: AWS is throttling requests' });
  });

  it('persistent throttling: POST /api/wake answers 503, phase error, retryable, Retry-After, and changes nothing', async () => {
    const ecsTransport = new ScriptedTransport([], throttled);
    const autoscalingTransport = new ScriptedTransport([], throttled);
    const config = loadWakeConfig({ SERVICE_GROUP: 'jitsi/web,jitsi/jvb', MEETING_BASE_URL: 'https://meet.example.org' });
    const group = new EcsServiceGroup(config.members, new ECSClient(await clientOptions(ecsTransport)),
      new ApplicationAutoScalingClient(await clientOptions(autoscalingTransport)), { workingMinTasks: 1 });
    const clock = new ManualClock();
    const controller = new GroupController(group, new FixedProbe(true), clock, config.controller);
    const handler = createWakeHandler({ controller, config, clock, logger, metrics });
    const output = silenceOutput();

    const response = await handler(loadEvent('post-wake'), lambdaContext('wake')).finally(output.restore);

    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(JSON.parse(response.body as string)).toMatchObject({ phase: 'error', retryable: true, message: expect.stringMatching(/throttling/) });
    expect(ecsTransport.targets()).toEqual(Array(await productionMaxAttempts()).fill('DescribeServices'));
    expect(autoscalingTransport.requests).toHaveLength(0);
  });
});
