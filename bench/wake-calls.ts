import './quiet.js';
import { ECSClient } from '@aws-sdk/client-ecs';
import { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import { EcsServiceGroup } from '../shared/adapters/aws/ecs-service-group.js';
import { FixedProbe } from '../shared/adapters/memory/simulated-group.js';
import { GroupController } from '../shared/domain/controller.js';
import { systemClock } from '../shared/domain/service-group.js';
import { loadWakeConfig } from '../shared/config/core-config.js';
import { controllerEvents, logger, metrics } from '../shared/observability.js';
import { createWakeHandler } from '../functions/wake/handler.js';
import { lambdaContext } from '../local/lambda-context.js';
import { CallCounter, stubClient } from './call-counter.js';
import { fakeAutoScaling, fakeEcs } from './fake-aws.js';
import { httpEvent } from './events.js';

const SERVICES = ['jitsi-web', 'jitsi-jvb'];

/** AWS calls made by the real wake handler for `concurrent` simultaneous POST /_stz/wake in one container. */
export async function wakeBurstCalls(concurrent: number): Promise<Record<string, number>> {
  const counter = new CallCounter();
  const ecsFake = fakeEcs('jitsi', SERVICES);
  const ecs = stubClient(new ECSClient({ region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }), counter, ecsFake.respond);
  const aas = stubClient(new ApplicationAutoScalingClient({ region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }), counter, fakeAutoScaling('jitsi', SERVICES));
  const config = loadWakeConfig({ SERVICE_GROUP: SERVICES.map((s) => `jitsi/${s}`).join(','), MEETING_BASE_URL: 'https://meet.example.com' });
  const group = new EcsServiceGroup(config.members, ecs, aas, { workingMinTasks: 1 });
  const controller = new GroupController(group, new FixedProbe(true), systemClock, config.controller, controllerEvents());
  const handler = createWakeHandler({ controller, config, clock: systemClock, logger, metrics });
  const responses = await Promise.all(
    Array.from({ length: concurrent }, () => handler(httpEvent('POST', '/_stz/wake', '{}'), lambdaContext('wake'))),
  );
  const failed = responses.filter((r) => r.statusCode !== 200).length;
  if (failed > 0) throw new Error(`${failed} wake requests failed`);
  return counter.snapshot();
}
