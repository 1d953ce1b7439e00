import { combineReadings, type TaskReading } from '../../shared/domain/activity.js';
import { parseJicofoStats, parseJvbStats, type HttpAnswer } from '../../shared/domain/jitsi-stats.js';
import { answer, fixture } from './support.js';

const timeout: HttpAnswer = { kind: 'failed', reason: '/stats: timeout after 2000 ms' };
const refused: HttpAnswer = { kind: 'failed', reason: '/colibri/stats: connection refused' };

describe('Jicofo /stats (primary signal)', () => {
  it.each([
    ['jicofo-idle.json', { participants: 0, conferences: 0, recording: false }],
    ['jicofo-active.json', { participants: 5, conferences: 2, recording: false }],
    ['jicofo-lone-participant.json', { participants: 1, conferences: 1, recording: false }],
    ['jicofo-p2p.json', { participants: 2, conferences: 1, recording: false }],
    ['jicofo-recording.json', { participants: 0, conferences: 1, recording: true }],
    ['jicofo-visitors.json', { participants: 12, conferences: 1, recording: false }],
    ['jicofo-legacy.json', { participants: 3, conferences: 1, recording: true }],
    ['jicofo-legacy-sizes-only.json', { participants: 8, conferences: 3, recording: false }],
  ])('%s → %j', (file, expected) => {
    expect(parseJicofoStats(answer(file))).toEqual({ ok: true, ...expected });
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
    ['jvb-colibri-active.json', 5, 2],
    ['jvb-colibri-legacy.json', 4, 2],
    ['jvb-metrics.json', 3, 1],
  ])('%s → %i participants in %i conferences', (file, participants, conferences) => {
    expect(parseJvbStats(answer(file))).toEqual({ ok: true, participants, conferences, recording: false });
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
    expect(combineReadings([web(answer('jicofo-lone-participant.json')), bridge(answer('jvb-colibri-no-media.json'))])).toMatchObject({ kind: 'known', participants: 1 });
  });

  it('P2P call: Jicofo 2 while the bridge shows 0 → 2 participants', () => {
    expect(combineReadings([web(answer('jicofo-p2p.json')), bridge(answer('jvb-colibri-no-media.json'))])).toMatchObject({ kind: 'known', participants: 2, conferences: 1 });
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
