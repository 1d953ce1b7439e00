import { createProbeHandler } from '../../functions/probe/handler.js';
import type { StatsFetcher } from '../../shared/domain/activity-ports.js';
import type { HttpAnswer } from '../../shared/domain/jitsi-stats.js';
import { answer, awsContext, loadEvent, observed } from '../idle/support.js';

/** A fetcher over fixtures: web task 10.0.1.23 runs Jicofo, JVB task 10.0.2.41 the bridge; records every GET. */
function fixtureFetcher(jicofoFile = 'jicofo-lone-participant.json') {
  const calls: string[] = [];
  const fetcher: StatsFetcher = {
    async get(ip, port, path): Promise<HttpAnswer> {
      calls.push(`${ip}:${port}${path}`);
      if (ip === '10.0.1.23' && port === 8888 && path === '/stats') return answer(jicofoFile);
      if (ip === '10.0.2.41' && port === 8080 && path === '/colibri/stats') return answer('jvb-colibri-lone.json');
      return { kind: 'failed', reason: `${path}: connection refused` };
    },
  };
  return { fetcher, calls };
}

function probe(jicofoFile?: string) {
  const { fetcher, calls } = fixtureFetcher(jicofoFile);
  const o = observed();
  const handler = createProbeHandler({ fetcher, ports: { jicofoPort: 8888, jvbPort: 8080 }, logger: o.logger, metrics: o.metrics });
  return { ...o, calls, invoke: (event: unknown) => handler(event, awsContext('probe')) };
}

describe('probe function', () => {
  it('reads Jicofo :8888/stats and JVB :8080/colibri/stats on every target and returns the readings', async () => {
    const p = probe();
    const result = await p.invoke(loadEvent('probe-targets.json'));
    expect(result).toEqual({
      ok: true,
      readings: [
        { member: 'jitsi/jitsi-web', ip: '10.0.1.23', jicofo: { ok: true, participants: 1, conferences: 1, recording: false, bridges: 1 }, jvb: { ok: false, reason: '/colibri/stats: connection refused' } },
        { member: 'jitsi/jitsi-jvb', ip: '10.0.2.41', jicofo: { ok: false, reason: '/stats: connection refused' }, jvb: { ok: true, participants: 0, conferences: 0, recording: false } },
      ],
    });
    expect(p.calls.sort()).toEqual(['10.0.1.23:8080/colibri/stats', '10.0.1.23:8888/stats', '10.0.2.41:8080/colibri/stats', '10.0.2.41:8888/stats']);
    expect(p.lines.find((l) => l.message === 'probe')).toMatchObject({ action: 'read', readings: [{ ip: '10.0.1.23', jicofo: '1p/1c' }, { ip: '10.0.2.41', jvb: '0p/0c' }] });
  });

  it.each([
    ['probe-bad-targets.json', /169\.254\.169\.254.*not a private IPv4/],
  ])('bad input (%s) → a clear error result and no request at all', async (file, error) => {
    const p = probe();
    expect(await p.invoke(loadEvent(file))).toEqual({ ok: false, error: expect.stringMatching(error) });
    expect(p.calls).toEqual([]);
    expect(p.counts.RejectedEvents).toBe(1);
    expect(p.lines.find((l) => l.level === 'WARN')).toMatchObject({ message: expect.stringMatching(/^rejected probe request: /), action: 'reject' });
  });

  it.each([[null], [{}], [{ targets: 'x' }], [loadEvent('alarm-empty-alarm.json')]])('malformed event %# → error result, no request', async (event) => {
    const p = probe();
    expect(await p.invoke(event)).toMatchObject({ ok: false });
    expect(p.calls).toEqual([]);
  });
});
