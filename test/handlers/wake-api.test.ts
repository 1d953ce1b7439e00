import { loadEvent, wakeApp } from './support.js';

const body = (response: { body?: string }) => JSON.parse(response.body ?? '') as Record<string, unknown>;
const emf = (app: ReturnType<typeof wakeApp>) => app.output.json().filter((l) => '_aws' in l);

describe('wake handler: API routes, methods and malformed events', () => {
  let app: ReturnType<typeof wakeApp>;
  beforeEach(() => { app = wakeApp(); });
  afterEach(() => app.output.restore());

  it('POST /api/wake wakes every member and returns the waking status', async () => {
    const response = await app.invoke(loadEvent('post-wake'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(body(response)).toMatchObject({ phase: 'waking', elapsedSeconds: 0, estimatedSecondsLeft: 120, retryable: true });
    expect(app.group.calls.map((c) => `${c.op} ${c.member}`)).toEqual(['wake jitsi/web', 'wake jitsi/jvb']);
  });

  it('a repeated POST (the page re-asserting its wake) scales nothing up again', async () => {
    await app.invoke(loadEvent('post-wake'));
    app.clock.advance(4000);
    const again = await app.invoke(loadEvent('post-wake'));
    expect(body(again)).toMatchObject({ phase: 'waking', elapsedSeconds: 4 });
    expect(app.group.calls).toHaveLength(2);
  });

  it('logs the wake with the request id and publishes WakeRequests and Wakes', async () => {
    await app.invoke(loadEvent('post-wake'));
    const wakeLog = app.output.json().find((l) => l.message === 'wake request');
    expect(wakeLog).toMatchObject({ action: 'scale-up', scaledUp: ['jitsi/web', 'jitsi/jvb'], function_name: 'wake', function_request_id: expect.any(String) });
    expect(emf(app)).toEqual([expect.objectContaining({ WakeRequests: 1, Wakes: 1 })]);
  });

  it.each(['post-wake-form', 'post-wake-text-plain'])('%s (no JSON content type, e.g. a cross-site form) → 415 and no wake', async (name) => {
    const response = await app.invoke(loadEvent(name));
    expect(response.statusCode).toBe(415);
    expect(app.group.calls).toEqual([]);
  });

  it.each([
    ['delete-wake', 'POST'],
    ['post-room', 'GET, HEAD'],
  ])('%s → 405 with Allow: %s and no wake', async (name, allow) => {
    const response = await app.invoke(loadEvent(name));
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe(allow);
    expect(app.group.calls).toEqual([]);
  });

  it('405 for POST /api/status and /robots.txt', async () => {
    const event = loadEvent('post-wake');
    event.rawPath = '/api/status';
    const status = await app.invoke(event);
    event.rawPath = '/robots.txt';
    const robots = await app.invoke(event);
    expect([status.statusCode, robots.statusCode]).toEqual([405, 405]);
    expect(app.group.calls).toEqual([]);
  });

  it('GET /favicon.ico answers 204 (not the invalid-room page) and wakes nothing', async () => {
    const event = loadEvent('get-room');
    event.rawPath = '/favicon.ico';
    event.requestContext.http.path = '/favicon.ico';
    const response = await app.invoke(event);
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expect(app.group.calls).toEqual([]);
  });

  it('GET /api/status reports asleep as a normal 200 without side effects', async () => {
    const response = await app.invoke(loadEvent('get-status'));
    expect(response.statusCode).toBe(200);
    expect(body(response)).toMatchObject({ phase: 'asleep', retryable: true, members: [{ id: 'jitsi/web', desired: 0 }, { id: 'jitsi/jvb', desired: 0 }] });
    expect(app.group.calls).toEqual([]);
    expect(emf(app)).toEqual([]);
  });

  it('GET /api/status reports ready once the group is', async () => {
    await app.makeReady();
    const response = await app.invoke(loadEvent('get-status'));
    expect(body(response)).toMatchObject({ phase: 'ready' });
  });

  it('robots.txt disallows everything', async () => {
    const response = await app.invoke(loadEvent('get-robots'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.body).toBe('User-agent: *\nDisallow: /\n');
  });

  it.each([
    ['get-unknown-path', /^text\/html/],
    ['get-api-unknown', /^application\/json/],
  ])('%s → 404', async (name, type) => {
    const response = await app.invoke(loadEvent(name));
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(type);
  });

  it.each([
    ['a Scheduler payload', loadEvent('scheduler-payload')],
    ['null', null],
    ['a string', 'GET /weekly-standup'],
    ['payload 1.0', { version: '1.0', httpMethod: 'POST', path: '/api/wake', requestContext: {} }],
    ['2.0 without requestContext.http', { version: '2.0', rawPath: '/api/wake', requestContext: {} }],
  ])('a malformed event (%s) → 400, logged, counted, and no action', async (_name, event) => {
    const response = await app.invoke(event);
    expect(response.statusCode).toBe(400);
    expect(body(response)).toEqual({ error: 'malformed event' });
    expect(app.group.calls).toEqual([]);
    expect(app.output.json().some((l) => l.level === 'WARN' && String(l.message).startsWith('rejected malformed event'))).toBe(true);
    expect(emf(app)).toEqual([expect.objectContaining({ RejectedEvents: 1 })]);
  });
});
