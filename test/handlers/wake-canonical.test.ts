import { readdirSync } from 'node:fs';
import { loadEvent, wakeApp } from './support.js';

const CANONICAL = { LINK_MODE: 'canonical', MEETING_BASE_URL: 'https://meet.example.org', READINESS_BASE_URL: 'https://jitsi-ab12.ecs.eu-central-1.on.aws' };
const configOf = (html: string) => JSON.parse(/<script type="application\/json" id="cfg">([\s\S]*?)<\/script>/.exec(html)![1]!) as {
  room: string; join: { kind: string; url?: string }; status: { phase: string }; view: { title: string; detail: string };
};
const at = (name: string, path: string) => {
  const event = loadEvent(name);
  event.rawPath = path;
  event.requestContext.http.path = path;
  return event;
};
const apiFixtures = readdirSync('events').filter((f) => /^(get|head|post|delete)-/.test(f)).map((f) => f.replace(/\.json$/, ''));

describe('wake handler, LINK_MODE=canonical: what CloudFront\'s failover gets (issue 10)', () => {
  let app: ReturnType<typeof wakeApp>;
  beforeEach(() => { app = wakeApp(CANONICAL); });
  afterEach(() => app.output.restore());

  it('a failed-over GET of a meeting path gets the waiting page, which reloads the same URL, and wakes nothing', async () => {
    const response = await app.invoke(loadEvent('get-failover-room'));
    const cfg = configOf(response.body as string);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-stz-controller']).toBe('1');
    expect(cfg).toMatchObject({ room: 'weekly-standup', join: { kind: 'reload' }, status: { phase: 'asleep' } });
    expect(response.body).not.toContain('meet.example.org');
    expect(app.group.calls).toEqual([]);
  });

  it('never redirects, even when the controller already says ready (the page checks and reloads itself)', async () => {
    await app.makeReady();
    const response = await app.invoke(loadEvent('get-failover-room'));
    expect(response.statusCode).toBe(200);
    expect(response.headers.location).toBeUndefined();
    expect(configOf(response.body as string)).toMatchObject({ join: { kind: 'reload' }, status: { phase: 'ready' } });
    expect(app.group.calls).toEqual([]);
  });

  it('Jitsi\'s home page "/" gets a waiting page without a room', async () => {
    const response = await app.invoke(at('get-failover-room', '/'));
    const cfg = configOf(response.body as string);
    expect(response.statusCode).toBe(200);
    expect(cfg).toMatchObject({ room: '', join: { kind: 'reload' } });
    expect(response.body).not.toContain('class="room"');
  });

  it.each([
    '/libs/app.bundle.min.js', '/config.js', '/external_api.js', '/interface_config.js', '/css/all.css', '/images/watermark.svg',
    '/sounds/joined.mp3', '/lang/main-de.json', '/static/close.html', '/manifest.json', '/http-bind', '/libs', '/a/b/c',
  ])('a failed-over %s gets a plain 503 with Retry-After and no-store, never HTML', async (path) => {
    const response = await app.invoke(at('get-failover-asset', path));
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.headers['retry-after']).toBe('5');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-stz-controller']).toBe('1');
    expect(response.body).not.toMatch(/<[a-z!]/i);
    expect(app.group.calls).toEqual([]);
  });

  it('HEAD of an asset: the same 503 without a body', async () => {
    const event = loadEvent('get-failover-asset');
    event.requestContext.http.method = 'HEAD';
    const response = await app.invoke(event);
    expect([response.statusCode, response.body, response.headers['retry-after']]).toEqual([503, '', '5']);
  });

  it('an invalid room name still gets a readable 400 page (a person typed it), never a wake', async () => {
    const response = await app.invoke(loadEvent('get-room-hostile-markup'));
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(app.group.calls).toEqual([]);
  });

  it('robots.txt and favicon.ico are answered, but not cacheable: they stand in for Jitsi\'s own while it sleeps', async () => {
    const robots = await app.invoke(loadEvent('get-robots'));
    const favicon = await app.invoke(at('get-room', '/favicon.ico'));
    expect([robots.statusCode, robots.headers['cache-control']]).toEqual([200, 'no-store']);
    expect([favicon.statusCode, favicon.headers['cache-control']]).toEqual([204, 'no-store']);
  });
});

describe('wake handler: the /_stz/ prefix, its /api/ aliases and the marker header', () => {
  let app: ReturnType<typeof wakeApp>;
  beforeEach(() => { app = wakeApp(); });
  afterEach(() => app.output.restore());

  it.each([['post-stz-wake'], ['post-wake']])('%s wakes the group and answers the status with visitor words', async (name) => {
    const response = await app.invoke(loadEvent(name));
    const body = JSON.parse(response.body as string) as { phase: string; message: string; view: Record<string, unknown> };
    expect(response.statusCode).toBe(200);
    expect(body.phase).toBe('waking');
    expect(body.view).toMatchObject({ step: 'starting', title: 'Starting the meeting service…', help: false });
    expect(JSON.stringify(body.view)).not.toMatch(/jitsi\/|0\/1|tasks|probe/);
    expect(app.group.calls.map((c) => c.op)).toEqual(['wake', 'wake']);
  });

  it.each([['get-stz-status'], ['get-status']])('%s reports without side effects', async (name) => {
    const response = await app.invoke(loadEvent(name));
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body as string)).toMatchObject({ phase: 'asleep', view: { step: 'asleep' } });
    expect(app.group.calls).toEqual([]);
  });

  it.each([
    ['/_stz/prewarm', 404, /served by its own function/],
    ['/_stz/rooms', 404, /not found/],
  ])('GET %s → %i', async (path, status, text) => {
    const response = await app.invoke(at('get-status', path));
    expect(response.statusCode).toBe(status);
    expect(response.body).toMatch(text);
  });

  it.each(['DELETE', 'GET'])('%s /_stz/wake → 405 and no wake', async (method) => {
    const event = loadEvent('post-stz-wake');
    event.requestContext.http.method = method;
    const response = await app.invoke(event);
    expect(response.statusCode).toBe(405);
    expect(app.group.calls).toEqual([]);
  });

  it.each(apiFixtures)('%s carries x-stz-controller: 1', async (name) => {
    const response = await app.invoke(loadEvent(name));
    expect(response.headers['x-stz-controller']).toBe('1');
  });

  it('a malformed event and a 503 from throttled ECS carry it too', async () => {
    const malformed = await app.invoke({ version: '1.0' });
    app.group.failNext('describe', Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));
    const throttled = await app.invoke(loadEvent('post-stz-wake'));
    const body = JSON.parse(throttled.body as string) as { phase: string; view: { detail: string } };
    expect(malformed.headers['x-stz-controller']).toBe('1');
    expect([throttled.statusCode, throttled.headers['x-stz-controller'], throttled.headers['retry-after']]).toEqual([503, '1', '5']);
    expect(body.phase).toBe('error');
    expect(body.view.detail).toBe('The cloud provider is busy; trying again…');
  });
});

describe('wake-url mode: the ready redirect and the page\'s own join keep the same query (issue 14)', () => {
  let app: ReturnType<typeof wakeApp>;
  beforeEach(() => { app = wakeApp(); });
  afterEach(() => app.output.restore());

  it.each([300, 4000])('a %i-character ?jwt= survives both ways into the meeting', async (length) => {
    const query = `jwt=${'e'.repeat(length - 4)}`;
    const event = loadEvent('get-room');
    event.rawQueryString = query;
    const page = await app.invoke(event);
    await app.makeReady();
    const redirect = await app.invoke(event);
    expect(configOf(page.body as string).join.url).toBe(`https://meet.example.org/jitsi/weekly-standup?${query}`);
    expect(redirect.headers.location).toBe(configOf(page.body as string).join.url);
  });

  it('a query that is not plain URL-encoded text is dropped both ways', async () => {
    const event = loadEvent('get-room');
    event.rawQueryString = 'a=<b>';
    const page = await app.invoke(event);
    await app.makeReady();
    const redirect = await app.invoke(event);
    expect(configOf(page.body as string).join.url).toBe('https://meet.example.org/jitsi/weekly-standup');
    expect(redirect.headers.location).toBe('https://meet.example.org/jitsi/weekly-standup');
  });
});
