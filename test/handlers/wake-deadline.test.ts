import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DescribeServicesCommand } from '@aws-sdk/client-ecs';
import { createEcsClient, INTERACTIVE_CLIENT } from '../../shared/adapters/aws/clients.js';
import { ManualClock } from '../../shared/adapters/memory/simulated-group.js';
import { loadWakeConfig } from '../../shared/config/core-config.js';
import type { GroupController } from '../../shared/domain/controller.js';
import { logger, metrics } from '../../shared/observability.js';
import { createWakeHandler } from '../../functions/wake/handler.js';
import { lambdaContext } from '../../local/lambda-context.js';
import { loadEvent, MEETING_BASE, silenceOutput } from './support.js';

describe('wake function time budget', () => {
  it('answers 503 + Retry-After before the function timeout when AWS never answers', async () => {
    const config = loadWakeConfig({ SERVICE_GROUP: 'jitsi/web', MEETING_BASE_URL: MEETING_BASE });
    const never = new Promise<never>(() => undefined);
    const controller = { status: () => never, wake: () => never } as unknown as GroupController;
    const handler = createWakeHandler({ controller, config, clock: new ManualClock(), logger, metrics, answerBeforeTimeoutMs: 1000 });
    const output = silenceOutput();
    try {
      // 1,050 ms left in the invocation: the handler must answer itself, 50 ms in.
      const response = await handler(loadEvent('post-wake'), lambdaContext('wake', 1050));
      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBe('5');
      expect(JSON.parse(response.body as string)).toMatchObject({ phase: 'error', retryable: true, message: expect.stringMatching(/did not get an answer from AWS in time/) });
      expect(output.json().find((l) => l.action === 'timeout-answer')).toBeDefined();
    } finally {
      output.restore();
    }
  });

  it('a person\'s GET of the meeting link gets words, not JSON, in that early answer; both are marked as ours', async () => {
    const config = loadWakeConfig({ SERVICE_GROUP: 'jitsi/web', MEETING_BASE_URL: MEETING_BASE, LINK_MODE: 'canonical' });
    const never = new Promise<never>(() => undefined);
    const controller = { status: () => never, wake: () => never } as unknown as GroupController;
    const handler = createWakeHandler({ controller, config, clock: new ManualClock(), logger, metrics, answerBeforeTimeoutMs: 1000 });
    const output = silenceOutput();
    try {
      const page = await handler(loadEvent('get-failover-room'), lambdaContext('wake', 1050));
      const api = await handler(loadEvent('post-stz-wake'), lambdaContext('wake', 1050));
      // A page poll under a named stage is still a poll: JSON, which the page renders, not text.
      const staged = loadEvent('get-stz-status');
      const poll = await handler({ ...staged, rawPath: `/prod${staged.rawPath}`, requestContext: { ...staged.requestContext, stage: 'prod' } }, lambdaContext('wake', 1050));
      expect([page.statusCode, page.headers['content-type'], page.headers['retry-after'], page.headers['x-stz-controller']]).toEqual([503, 'text/plain; charset=utf-8', '5', '1']);
      expect(page.body).not.toMatch(/[{}]/);
      expect([api.statusCode, api.headers['x-stz-controller']]).toEqual([503, '1']);
      expect(JSON.parse(api.body as string)).toMatchObject({ phase: 'error', retryable: true });
      expect([poll.statusCode, poll.headers['content-type']]).toEqual([503, expect.stringMatching(/^application\/json/)]);
      expect(JSON.parse(poll.body as string)).toMatchObject({ phase: 'error', retryable: true });
    } finally {
      output.restore();
    }
  });

  it('interactive clients: 2 attempts, each cut by a thrown request timeout, endpoint variables still honoured', async () => {
    expect(INTERACTIVE_CLIENT).toEqual({ maxAttempts: 2, requestHandler: { connectionTimeout: 1000, requestTimeout: 2500, throwOnRequestTimeout: true } });
    // A local "ECS" that accepts the request and never answers; the client must give up after two attempts.
    let requests = 0;
    const server: Server = createServer(() => { requests += 1; });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const saved = { ...process.env };
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_ECS: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test',
    });
    try {
      const client = createEcsClient('interactive');
      expect(await client.config.maxAttempts()).toBe(2);
      const error = await client.send(new DescribeServicesCommand({ cluster: 'jitsi', services: ['web'] })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).name).toMatch(/TimeoutError/);
      expect(requests).toBe(2);
    } finally {
      process.env = saved;
      server.closeAllConnections();
      server.close();
    }
  }, 15_000);
});
