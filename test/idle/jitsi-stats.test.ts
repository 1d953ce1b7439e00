import { combineReadings, type TaskReading } from '../../shared/domain/activity.js';
import { parseJicofoStats, parseJvbStats, type HttpAnswer } from '../../shared/domain/jitsi-stats.js';
import { answer, fixture } from './support.js';

const timeout: HttpAnswer = { kind: 'failed', reason: '/stats: timeout after 2000 ms' };
const refused: HttpAnswer = { kind: 'failed', reason: '/colibri/stats: connection refused' };

describe('Jicofo /stats (primary signal)', () => {
  it.each([
    ['jicofo-idle.json', { participants: 0, conferences: 0, recording: false, bridges: 1 }],
    ['jicofo-active.json', { participants: 5, conferences: 2, recording: false, bridges: 1 }],
    ['jicofo-lone-participant.json', { participants: 1, conferences: 1, recording: false, bridges: 1 }],
    ['jicofo-p2p.json', { participants: 2, conferences: 1, recording: false, bridges: 1 }],
    ['jicofo-recording.json', { participants: 1, conferences: 1, recording: true, bridges: 1 }],
    // `participants` already includes the 12 visitors: 1 member + 12 visitors = 13, not 25.
    ['jicofo-visitors.json', { participants: 13, conferences: 1, recording: false, bridges: 1 }],
    ['jicofo-no-bridge.json', { participants: 0, conferences: 0, recording: false, bridges: 0 }],
    ['jicofo-no-health-checks.json', { participants: 2, conferences: 1, recording: false, bridges: 1 }],
  ])('%s → %j', (file, expected) => {
    expect(parseJicofoStats(answer(file))).toEqual({ ok: true, ...expected });
  });

  it('fixtures keep the real invariants: every conference counts at least 1, Jibri sessions are numbers, conference_sizes is an object', () => {
    for (const file of ['jicofo-idle.json', 'jicofo-active.json', 'jicofo-lone-participant.json', 'jicofo-p2p.json', 'jicofo-recording.json', 'jicofo-visitors.json']) {
      const stats = JSON.parse(fixture(file)) as { participants: number; conferences: number; jibri: Record<string, unknown>; conference_sizes: unknown };
      expect(stats.participants).toBeGreaterThanOrEqual(stats.conferences);
      expect(Object.values(stats.jibri).every((v) => typeof v === 'number')).toBe(true);
      expect(stats.conference_sizes).toEqual(expect.objectContaining({ total_count: stats.conferences, buckets: expect.any(Object) }));
    }
  });

  it('a Jibri session count above zero is a recording; a sip call too', () => {
    const body = (jibri: object) => ({ kind: 'response', status: 200, body: JSON.stringify({ participants: 1, conferences: 1, jibri }) }) as HttpAnswer;
    expect(parseJicofoStats(body({ recording_active: 0, live_streaming_active: 0, sip_call_active: 2 }))).toMatchObject({ recording: true });
    expect(parseJicofoStats(body({ recording_active: 0, live_streaming_active: 0, sip_call_active: 0 }))).toMatchObject({ recording: false });
  });

  it('an array conference_sizes (pre-2022) is not a participant count', () => {
    const reading = parseJicofoStats({ kind: 'response', status: 200, body: '{"conferences":1,"conference_sizes":[0,0,1]}' });
    expect(reading).toEqual({ ok: false, reason: 'Jicofo stats without a participant count' });
  });

  it('never reads the cumulative total_participants as current participants', () => {
    const idle = JSON.parse(fixture('jicofo-idle.json')) as { total_participants: number };
    expect(idle.total_participants).toBeGreaterThan(0);
    expect(parseJicofoStats(answer('jicofo-idle.json'))).toMatchObject({ participants: 0 });
  });

  it.each([
    ['404 from Jetty', answer('jetty-404.html', 404), /HTTP 404/],
    ['502 HTML error page', answer('error-502.html', 502), /HTTP 502/],
    ['HTML page with 200 (web catch-all)', answer('web-index.html', 200, 'text/html'), /HTML page instead of JSON/],
    ['timeout', timeout, /timeout/],
    ['empty body', { kind: 'response', status: 200, body: '' } as HttpAnswer, /unparsable/],
    ['truncated JSON', { kind: 'response', status: 200, body: fixture('jicofo-active.json').slice(0, 80) } as HttpAnswer, /unparsable/],
    ['JSON array', { kind: 'response', status: 200, body: '[1,2]' } as HttpAnswer, /not an object/],
    ['no participant count', { kind: 'response', status: 200, body: '{"conferences":0}' } as HttpAnswer, /without a participant count/],
    ['negative count', { kind: 'response', status: 200, body: '{"participants":-1}' } as HttpAnswer, /without a participant count/],
  ])('%s → unknown, never zero', (_name, input, reason) => {
    const reading = parseJicofoStats(input);
    expect(reading.ok).toBe(false);
    expect(reading.ok ? '' : reading.reason).toMatch(reason);
  });
});

describe('JVB /colibri/stats and /metrics (secondary signal)', () => {
  it.each([
    ['jvb-colibri-idle.json', 0, 0],
    ['jvb-colibri-lone.json', 0, 0],
    ['jvb-colibri-active.json', 5, 2],
    ['jvb-colibri-p2p.json', 2, 1],
    ['jvb-metrics.json', 3, 1],
  ])('%s → %i participants in %i conferences', (file, participants, conferences) => {
    expect(parseJvbStats(answer(file))).toEqual({ ok: true, participants, conferences, recording: false });
  });

  it('bridge stats without any endpoint count (e.g. only the dropped conference_sizes) are unknown', () => {
    expect(parseJvbStats({ kind: 'response', status: 200, body: '{"conferences":1,"conference_sizes":[0,0,1]}' }).ok).toBe(false);
  });

  it('Prometheus text (Accept header ignored) is unknown', () => {
    expect(parseJvbStats({ kind: 'response', status: 200, contentType: 'text/plain', body: fixture('jvb-metrics-prometheus.txt') }).ok).toBe(false);
  });
});

describe('combining readings over every running task', () => {
  const web = (jicofo: HttpAnswer, jvb: HttpAnswer = refused): TaskReading => ({ member: 'jitsi/web', ip: '10.0.1.23', jicofo: parseJicofoStats(jicofo), jvb: parseJvbStats(jvb) });
  const bridge = (jvb: HttpAnswer): TaskReading => ({ member: 'jitsi/jvb', ip: '10.0.2.41', jicofo: parseJicofoStats({ kind: 'failed', reason: 'connection refused' }), jvb: parseJvbStats(jvb) });

  it('idle: Jicofo and the bridge both at zero → known zero', () => {
    expect(combineReadings([web(answer('jicofo-idle.json')), bridge(answer('jvb-colibri-idle.json'))])).toEqual({ kind: 'known', participants: 0, conferences: 0, recording: false });
  });

  it('lone participant: Jicofo 1 while the bridge shows 0 → 1 participant', () => {
    expect(combineReadings([web(answer('jicofo-lone-participant.json')), bridge(answer('jvb-colibri-lone.json'))])).toMatchObject({ kind: 'known', participants: 1 });
  });

  it('P2P call: Jicofo 2 and the bridge 2 endpoints → 2 participants, not 4', () => {
    expect(combineReadings([web(answer('jicofo-p2p.json')), bridge(answer('jvb-colibri-p2p.json'))])).toMatchObject({ kind: 'known', participants: 2, conferences: 1 });
  });

  it('visitors: 13 (visitors included) on Jicofo → 13 participants', () => {
    expect(combineReadings([web(answer('jicofo-visitors.json'))])).toMatchObject({ kind: 'known', participants: 13 });
  });

  it('recording with nobody else → known, recording', () => {
    expect(combineReadings([web(answer('jicofo-recording.json')), bridge(answer('jvb-colibri-idle.json'))])).toMatchObject({ kind: 'known', recording: true });
  });

  it('an unreadable task makes zero unknown', () => {
    const activity = combineReadings([web(answer('jicofo-idle.json')), bridge({ kind: 'failed', reason: 'timeout after 2000 ms' })]);
    expect(activity).toEqual({ kind: 'unknown', reason: expect.stringMatching(/jitsi\/jvb 10\.0\.2\.41 .*timeout/) });
  });

  it('but someone clearly present wins over an unreadable task', () => {
    expect(combineReadings([web(answer('jicofo-active.json')), bridge(answer('error-502.html', 502))])).toMatchObject({ kind: 'known', participants: 5 });
  });

  it('without any Jicofo reading a zero bridge is unknown (it cannot see a lone participant)', () => {
    const activity = combineReadings([web(answer('jetty-404.html', 404), answer('jvb-colibri-idle.json'))]);
    expect(activity).toEqual({ kind: 'unknown', reason: expect.stringMatching(/no Jicofo stats/) });
  });

  it('the bridge counts when it sees more than Jicofo', () => {
    expect(combineReadings([web(answer('jicofo-idle.json')), bridge(answer('jvb-metrics.json'))])).toMatchObject({ participants: 3, conferences: 1 });
  });

  it('no running task → unknown', () => {
    expect(combineReadings([]).kind).toBe('unknown');
  });
});
