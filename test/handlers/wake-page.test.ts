import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { loadEvent, MEETING_BASE, wakeApp } from './support.js';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const inline = (html: string, tag: 'script' | 'style') =>
  [...html.matchAll(new RegExp(`<${tag}(?: [^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => ({ open: m[0].slice(0, m[0].indexOf('>') + 1), body: m[1]! }));
const readFixtures = readdirSync('events').filter((f) => /^(get|head)-/.test(f)).map((f) => f.replace(/\.json$/, ''));

describe('wake handler: GET /{room} (DESIGN invariants 1 and 7)', () => {
  let app: ReturnType<typeof wakeApp>;
  beforeEach(() => { app = wakeApp(); });
  afterEach(() => app.output.restore());

  it('answers a browser with the waiting page: strict CSP, no-store, the wake script allowed by hash', async () => {
    const response = await app.invoke(loadEvent('get-room'));
    const html = response.body as string;
    const csp = response.headers['content-security-policy'];
    const [config, script] = inline(html, 'script');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toContain(`script-src ${sha256(script!.body)}`);
    expect(csp).toContain(`style-src ${sha256(inline(html, 'style')[0]!.body)}`);
    expect(JSON.parse(config!.body)).toMatchObject({ room: 'weekly-standup', wake: true, join: { kind: 'redirect', url: `${MEETING_BASE}/weekly-standup` }, status: { phase: 'asleep' } });
    expect(html).not.toMatch(/<(link|img|iframe)\b|src=|https?:\/\/(?!meet\.example\.org)/);
  });

  it.each(readFixtures)('%s changes nothing in the group', async (name) => {
    await app.invoke(loadEvent(name));
    expect(app.group.calls).toEqual([]);
    expect((await app.group.describe()).map((m) => m.desired)).toEqual([0, 0]);
  });

  it.each(['get-room-slackbot', 'get-room-facebook-preview', 'head-room'])('%s (a link previewer) gets a page without any script', async (name) => {
    const event = loadEvent(name);
    event.requestContext.http.method = 'GET';
    const response = await app.invoke(event);
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toMatch(/<script/i);
    expect(response.body).toContain('weekly-standup');
  });

  it('redirects straight to the meeting when the group is ready, keeping the query string', async () => {
    await app.makeReady();
    const response = await app.invoke(loadEvent('get-room-query'));
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe(`${MEETING_BASE}/weekly-standup?lang=de&config.startWithAudioMuted=true`);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(app.group.calls).toEqual([]);
  });

  it('records a person sent into the ready meeting (PersonsSentIn, the wake ledger the stop paths read), never a previewer', async () => {
    const sentIn = () => app.output.json().reduce((n, l) => n + (typeof l.PersonsSentIn === 'number' ? l.PersonsSentIn : 0), 0);
    expect((await app.invoke(loadEvent('get-room'))).statusCode).toBe(200);
    expect(sentIn()).toBe(0); // not ready: the page, nobody sent in

    await app.makeReady();
    expect((await app.invoke(loadEvent('get-room'))).statusCode).toBe(302);
    expect(sentIn()).toBe(1);
    expect(app.output.json().filter((l) => l.message === 'person sent into the ready meeting')).toEqual([expect.objectContaining({ action: 'sent-in' })]);
    for (const previewer of ['get-room-slackbot', 'get-room-facebook-preview']) expect((await app.invoke(loadEvent(previewer))).statusCode).toBe(302);
    expect(sentIn()).toBe(1);
    expect(app.group.calls).toEqual([]); // recording is no action on the service (invariant 1)
  });

  it('answers HEAD like GET but with an empty body', async () => {
    const get = await app.invoke(loadEvent('get-room'));
    const head = await app.invoke(loadEvent('head-room'));
    expect(head.statusCode).toBe(get.statusCode);
    expect(head.headers['content-type']).toBe(get.headers['content-type']);
    expect(head.body).toBe('');
  });

  it.each([
    ['get-room-hostile-markup', 400, /<svg|onload=/],
    ['get-room-hostile-script', 404, /<script>alert|alert\(1\)/],
    ['get-room-dotdot', 400, /\.\.\//],
    ['get-room-too-long', 400, /a{101}/],
    ['get-room-rtl-override', 400, /\u202E/],
    ['get-room-reserved-api', 400, /<script/],
  ])('%s → %i, with no hostile text in the page and no script', async (name, status, hostile) => {
    const response = await app.invoke(loadEvent(name));
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(response.body).not.toMatch(hostile);
    expect(response.body).not.toMatch(/<script/i);
  });

  it('names the reserved room escaped, never raw', async () => {
    const response = await app.invoke(loadEvent('get-room-reserved-api'));
    expect(response.body).toContain('&#34;api&#34; is reserved');
  });

  it('rejects a 10 000 character room name with 400', async () => {
    const event = loadEvent('get-room');
    event.rawPath = `/${'x'.repeat(10_000)}`;
    const response = await app.invoke(event);
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/longer than 100 characters/);
  });

  it.each([
    ['decoded, as HTTP APIs deliver it', '/Besprechung-Ünsere', 'Besprechung-Ünsere'],
    ['percent-encoded, as the local server delivers it', '/%E4%BC%9A%E8%AE%AE%E5%AE%A4', '会议室'],
  ])('serves Unicode rooms given %s', async (_how, rawPath, room) => {
    const event = loadEvent('get-room-unicode');
    event.rawPath = rawPath;
    const response = await app.invoke(event);
    const config = JSON.parse(inline(response.body as string, 'script')[0]!.body) as { room: string; join: { url: string } };
    expect(response.statusCode).toBe(200);
    expect(config.room).toBe(room);
    expect(config.join.url).toBe(`${MEETING_BASE}/${encodeURIComponent(room)}`);
  });

  it('strips a named stage from the path', async () => {
    const event = loadEvent('get-room');
    event.requestContext.stage = 'prod';
    event.rawPath = '/prod/weekly-standup';
    const response = await app.invoke(event);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('weekly-standup');
  });

  it('still shows the waiting page (phase error, retrying) when ECS is throttling, and wakes nothing', async () => {
    app.group.failNext('describe', Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));
    const response = await app.invoke(loadEvent('get-room'));
    const config = JSON.parse(inline(response.body as string, 'script')[0]!.body) as { status: { phase: string; retryable: boolean } };
    expect(response.statusCode).toBe(200);
    expect(config.status).toMatchObject({ phase: 'error', retryable: true });
    expect(app.group.calls).toEqual([]);
  });
});
