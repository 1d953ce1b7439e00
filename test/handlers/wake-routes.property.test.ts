import fc from 'fast-check';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { route } from '../../functions/wake/routes.js';
import { FixedProbe, ManualClock, SimulatedServiceGroup } from '../../shared/adapters/memory/simulated-group.js';
import { loadWakeConfig } from '../../shared/config/core-config.js';
import { GroupController } from '../../shared/domain/controller.js';

const BASE = 'https://meet.example.org/team';

/** Two controllers over simulated groups: one kept asleep, one ready (so GETs redirect). */
async function groups() {
  const config = loadWakeConfig({ SERVICE_GROUP: 'jitsi/web,jitsi/jvb', MEETING_BASE_URL: BASE, STATUS_CACHE_MS: '0', READY_PROBE_INTERVAL_SECONDS: '0' });
  const make = () => {
    const clock = new ManualClock();
    const group = new SimulatedServiceGroup(config.members, clock, { startDelayMs: 0, stopDelayMs: 0, healthChecks: false });
    const controller = new GroupController(group, new FixedProbe(true), clock, config.controller);
    return { clock, group, controller };
  };
  const asleep = make();
  const ready = make();
  await ready.controller.wake('setup');
  for (let i = 0; i < 5 && (await ready.controller.status()).phase !== 'ready'; i += 1) ready.clock.advance(1000);
  if ((await ready.controller.status()).phase !== 'ready') throw new Error('setup: not ready');
  return { config, asleep, ready };
}

// Fragments that have broken such routes elsewhere: markup, quotes, encodings, traversal, other hosts.
const NASTY = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'", '"', '<', '>', '&', '%3Cscript%3E', '%22', '%00', '%2F', '%',
  '../', '..%2F', '//evil.example', '\\\\evil.example', 'https://evil.example', '?', '#', ';', ' ', '\u2028', '\u0000', 'é', '😀', 'api', '_stz', 'robots.txt'];
const segment = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.stringMatching(/^[A-Za-z0-9._~-]{1,40}$/),
  fc.string({ maxLength: 30 }),
  fc.array(fc.constantFrom(...NASTY, 'room', 'x'), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('')),
);
const path = fc.oneof(
  { arbitrary: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,40}$/).map((room) => `/${room}`), weight: 3 },
  segment.map((s) => `/${s}`),
  fc.array(segment, { minLength: 0, maxLength: 4 }).map((parts) => `/${parts.join('/')}`),
  fc.constantFrom('/', '/api/wake', '/api/status', '/api/prewarm', '/api/prewarm/prewarm-20261127T090000Z', '/_stz/wake', '/_stz/status', '/favicon.ico', '/robots.txt', '//evil.example/x'),
);
const method = fc.oneof(
  { arbitrary: fc.constantFrom('GET', 'HEAD', 'get'), weight: 3 },
  fc.constantFrom('POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'),
  fc.stringMatching(/^[A-Za-z]{1,10}$/),
);
const headers = fc.record({
  'user-agent': fc.oneof(fc.constantFrom('Mozilla/5.0 Firefox/140.0', 'Slackbot-LinkExpanding 1.0', 'curl/8.0', ''), fc.string({ maxLength: 60 })),
  'content-type': fc.oneof(fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-8'), fc.string({ maxLength: 30 })),
  authorization: fc.oneof(fc.constant(undefined), fc.string({ maxLength: 40 }), fc.constant('Bearer example-prewarm-token-0123456789')),
  'x-forwarded-host': fc.oneof(fc.constant(undefined), fc.constant('evil.example')),
}, { requiredKeys: ['user-agent'] });
const request = fc.record({
  path, method, headers, ready: fc.boolean(),
  query: fc.oneof(fc.constant(''), fc.string({ maxLength: 30 }), fc.constant('next=https://evil.example')),
  body: fc.oneof(fc.constant(undefined), fc.constant('{}'), fc.string({ maxLength: 60 }), fc.json({ maxDepth: 2 })),
});

type Request = typeof request extends fc.Arbitrary<infer T> ? T : never;

function event(r: Request): APIGatewayProxyEventV2 {
  const clean = Object.fromEntries(Object.entries(r.headers).filter(([, v]) => v !== undefined)) as Record<string, string>;
  return {
    version: '2.0', routeKey: '$default', rawPath: r.path, rawQueryString: r.query, headers: clean, body: r.body, isBase64Encoded: false,
    requestContext: {
      accountId: '123456789012', apiId: 'api', domainName: 'wake.example.org', domainPrefix: 'wake', requestId: 'r', routeKey: '$default',
      stage: '$default', time: '', timeEpoch: 0,
      http: { method: r.method, path: r.path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: r.headers['user-agent'] },
    },
  } as APIGatewayProxyEventV2;
}

/** Tag names the waiting page and the message pages are made of; anything else came from the input. */
const TAGS = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'main', 'h1', 'h2', 'p', 'script', 'noscript', 'a', 'div', 'span', 'strong', 'em',
  'progress', 'button', 'section', 'footer', 'header', 'small', 'ul', 'li', 'ol', 'br', 'details', 'summary', 'code', 'output', 'svg', 'path', 'circle', 'b', 'i']);

describe('wake routes under 10,000 generated requests (property)', () => {
  it('never 5xx, escapes everything, redirects only below the meeting base, CSP on all HTML, GET never wakes', async () => {
    const { config, asleep, ready } = await groups();
    const base = new URL(BASE);
    const seen = { runs: 0, redirects: 0, html: 0, getsWhileAsleep: 0 };
    await fc.assert(fc.asyncProperty(request, async (r) => {
      seen.runs += 1;
      const target = r.ready ? ready : asleep;
      // The asleep group stays asleep between runs (a POST may have woken it).
      for (const m of config.members) if (!r.ready) target.group.setDesired(m.id, 0);
      const callsBefore = target.group.calls.length;
      const { response } = await route(event(r), { controller: target.controller, config, clock: target.clock });
      const method = r.method.toUpperCase();

      expect(response.statusCode).toBeLessThan(500);
      if (method === 'GET' || method === 'HEAD') {
        expect(target.group.calls.slice(callsBefore).filter((c) => c.op === 'wake')).toEqual([]);
        if (!r.ready) seen.getsWhileAsleep += 1;
      }
      const location = response.headers.location;
      if (response.statusCode >= 300 && response.statusCode < 400) {
        seen.redirects += 1;
        const to = new URL(location!);
        expect(to.origin).toBe(base.origin);
        expect(to.pathname.startsWith(`${base.pathname}/`)).toBe(true);
        expect(to.pathname.slice(base.pathname.length + 1)).not.toMatch(/[/\\]|^\.\.?$/);
      } else {
        expect(location).toBeUndefined();
      }
      if (/^text\/html/.test(response.headers['content-type'] ?? '')) {
        seen.html += 1;
        expect(response.headers['content-security-policy']).toMatch(/default-src 'none'/);
        const body = response.body ?? '';
        const tags = [...body.matchAll(/<\/?([A-Za-z][A-Za-z0-9-]*)/g)].map((m) => m[1]!.toLowerCase());
        expect(tags.filter((t) => !TAGS.has(t))).toEqual([]);
        expect(body).not.toMatch(/on[a-z]+\s*=\s*["']?alert|javascript:/i);
      }
    }), { numRuns: 10_000, seed: 20261129 });
    // The generator reaches every kind of answer, so each property was exercised, not just asserted.
    expect(seen.runs).toBeGreaterThanOrEqual(10_000);
    expect(seen.redirects).toBeGreaterThan(100);
    expect(seen.html).toBeGreaterThan(1000);
    expect(seen.getsWhileAsleep).toBeGreaterThan(500);
  });
});
