import { isPrivateIpv4, MAX_PROBE_TARGETS, parseProbeRequest, parseProbeResponse } from '../../shared/domain/probe-contract.js';
import { loadEvent } from './support.js';

describe('probe input: private IPv4 only (no SSRF)', () => {
  it.each(['10.0.1.23', '10.255.255.254', '172.16.0.1', '172.31.255.1', '192.168.0.10'])('accepts %s', (ip) => {
    expect(isPrivateIpv4(ip)).toBe(true);
  });

  it.each([
    '169.254.169.254', // instance/container metadata
    '169.254.170.2', // ECS task metadata and credentials
    '127.0.0.1', '0.0.0.0', '8.8.8.8', '172.15.0.1', '172.32.0.1', '192.169.0.1', '100.64.0.1',
    '010.0.0.1', '10.0.0', '10.0.0.1.5', '0x0a.0.0.1', '167772161', '10.0.0.256', ' 10.0.0.1', '10.0.0.1:80',
    '::1', '::ffff:10.0.0.1', 'fd00::1', 'localhost', 'example.org', '10.0.0.1.nip.io', '',
  ])('refuses %j', (ip) => {
    expect(isPrivateIpv4(ip)).toBe(false);
  });

  it('parses the sample event', () => {
    expect(parseProbeRequest(loadEvent('probe-targets.json'))).toEqual({
      ok: true,
      targets: [{ member: 'jitsi/jitsi-web', ip: '10.0.1.23' }, { member: 'jitsi/jitsi-jvb', ip: '10.0.2.41' }],
    });
  });

  it('refuses the whole request when any target is bad, naming each problem', () => {
    const result = parseProbeRequest(loadEvent('probe-bad-targets.json'));
    expect(result.ok).toBe(false);
    const error = result.ok ? '' : result.error;
    expect(error).toMatch(/targets\[0\]\.ip "169\.254\.169\.254" is not a private IPv4 address/);
    expect(error).toMatch(/targets\[1\]\.ip "example\.org"/);
    expect(error).toMatch(/targets\[2\]\.ip "8\.8\.8\.8"/);
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'targets'],
    ['no targets', {}],
    ['empty targets', { targets: [] }],
    ['too many targets', { targets: Array.from({ length: MAX_PROBE_TARGETS + 1 }, (_, i) => ({ member: 'a/b', ip: `10.0.0.${i % 250}` })) }],
    ['target without ip', { targets: [{ member: 'a/b' }] }],
    ['member with markup', { targets: [{ member: '<script>', ip: '10.0.0.1' }] }],
    ['url instead of ip', { targets: [{ member: 'a/b', ip: 'http://10.0.0.1:8888/stats' }] }],
  ])('refuses %s', (_name, event) => {
    expect(parseProbeRequest(event).ok).toBe(false);
  });
});

describe('probe output as the watcher checks it', () => {
  const targets = [{ member: 'jitsi/web', ip: '10.0.1.23' }];
  const reading = { member: 'jitsi/web', ip: '10.0.1.23', jicofo: { ok: true, participants: 1, conferences: 1, recording: false }, jvb: { ok: false, reason: 'connection refused' } };

  it('accepts readings that match the targets', () => {
    expect(parseProbeResponse({ ok: true, readings: [reading] }, targets)).toEqual([reading]);
  });

  it.each([
    ['not an object', 'null', /no JSON object/],
    ['a refusal', { ok: false, error: 'targets is empty' }, /refused the request: targets is empty/],
    ['no readings', { ok: true }, /without readings/],
    ['malformed reading', { ok: true, readings: [{ ...reading, jicofo: { ok: true, participants: '1' } }] }, /malformed/],
    ['another IP', { ok: true, readings: [{ ...reading, ip: '10.0.9.9' }] }, /does not match/],
    ['an extra reading', { ok: true, readings: [reading, reading] }, /does not match/],
  ])('%s → a reason (unknown activity)', (_name, payload, reason) => {
    expect(parseProbeResponse(payload, targets)).toEqual(expect.stringMatching(reason));
  });
});
