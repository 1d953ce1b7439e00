import { GetParameterCommand, ParameterNotFound, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { SsmHoldStore } from '../../shared/adapters/aws/ssm-hold-store.js';
import { MemoryHoldStore } from '../../shared/adapters/memory/memory-hold-store.js';
import { ManualClock } from '../../shared/adapters/memory/simulated-group.js';
import { loadHoldConfig } from '../../shared/config/hold-config.js';
import { holdStateOf, planHold, serializeHold, type Hold } from '../../shared/domain/hold.js';
import { HoldGate, type HoldDecision } from '../../shared/domain/hold-gate.js';

const NOW = new Date('2026-11-29T12:00:00Z');
const awakeHold: Hold = { kind: 'awake', until: new Date('2026-11-29T18:00:00Z'), setAt: NOW, reason: 'board meeting', setBy: 'ctl' };

describe('hold text', () => {
  it('round-trips a hold and reads it as active before `until`, expired after', () => {
    const text = serializeHold(awakeHold);
    expect(JSON.parse(text)).toEqual({ kind: 'awake', until: '2026-11-29T18:00:00.000Z', setAt: '2026-11-29T12:00:00.000Z', reason: 'board meeting', setBy: 'ctl' });
    expect(holdStateOf(text, NOW)).toEqual({ kind: 'active', hold: awakeHold });
    expect(holdStateOf(text, new Date('2026-11-29T18:00:00Z'))).toEqual({ kind: 'ignored', reason: 'hold awake expired at 2026-11-29T18:00:00.000Z', hold: awakeHold });
  });

  it('reads "none", empty and missing as no hold', () => {
    for (const text of ['none', ' none ', '', undefined]) expect(holdStateOf(text, NOW)).toEqual({ kind: 'none' });
  });

  it.each([
    ['{not json', 'not JSON'],
    ['[1]', 'not a JSON object'],
    ['{"kind":"frozen","until":"2026-11-29T18:00:00Z","setAt":"2026-11-29T12:00:00Z"}', 'kind must be "awake" or "asleep" (got "frozen")'],
    ['{"kind":"awake","until":"tomorrow","setAt":"2026-11-29T12:00:00Z"}', 'until: "tomorrow" is not an ISO 8601 time with a UTC offset'],
    ['{"kind":"awake","until":"2027-06-01T00:00:00Z","setAt":"2026-11-29T12:00:00Z"}', 'until lies more than 45 days after setAt'],
  ])('ignores a corrupted hold %s, saying why', (text, why) => {
    expect(holdStateOf(text, NOW)).toEqual({ kind: 'ignored', reason: `malformed hold ignored: ${why}` });
  });

  it('plans a hold from an ISO time or a duration, and refuses the past, the far future and bad input', () => {
    expect(planHold('asleep', '+3h', 'OS upgrade', NOW, 'ctl')).toEqual({ ok: true, hold: { kind: 'asleep', until: new Date('2026-11-29T15:00:00Z'), setAt: NOW, reason: 'OS upgrade', setBy: 'ctl' } });
    expect(planHold('awake', '2026-11-29T19:30:00+01:00', undefined, NOW)).toMatchObject({ ok: true, hold: { until: new Date('2026-11-29T18:30:00Z') } });
    expect(planHold('awake', '+2d', undefined, NOW)).toMatchObject({ ok: true, hold: { until: new Date('2026-12-01T12:00:00Z') } });
    expect(planHold('awake', '2026-11-29T11:00:00Z', undefined, NOW)).toEqual({ ok: false, reason: '--until 2026-11-29T11:00:00.000Z is not in the future' });
    expect(planHold('awake', '+46d', undefined, NOW)).toEqual({ ok: false, reason: '--until may be at most 45 days ahead' });
    expect(planHold('awake', undefined, undefined, NOW)).toMatchObject({ ok: false, reason: expect.stringMatching(/--until <time> is required/) });
    expect(planHold('awake', '2026-11-29T19:00', undefined, NOW)).toMatchObject({ ok: false, reason: expect.stringMatching(/add "Z" or a UTC offset/) });
    expect(planHold('up', '+1h', undefined, NOW)).toEqual({ ok: false, reason: 'hold kind must be "awake" or "asleep" (got "up")' });
    expect(planHold('awake', '+1h', 'a\nb', NOW)).toMatchObject({ ok: false, reason: expect.stringMatching(/printable/) });
  });
});

describe('hold gate', () => {
  function gate(text?: string, ttlMs = 30_000) {
    const clock = new ManualClock(NOW.getTime());
    const store = new MemoryHoldStore(text);
    const decisions: HoldDecision[] = [];
    return { clock, store, decisions, gate: new HoldGate(store, clock, ttlMs, (d) => decisions.push(d)) };
  }

  it('an awake hold blocks the stop paths only; an asleep hold blocks the wake paths only; each decision is reported', async () => {
    const a = gate(serializeHold(awakeHold));
    expect(await a.gate.check('idle-shutdown')).toMatchObject({ allow: false, reason: 'hold awake until 2026-11-29T18:00:00Z (board meeting): idle-shutdown leaves the group running' });
    expect(await a.gate.check('power-down')).toMatchObject({ allow: false });
    expect(await a.gate.check('wake')).toMatchObject({ allow: true });
    expect(a.decisions.map((d) => `${d.path}:${d.decision}`)).toEqual(['idle-shutdown:blocked', 'power-down:blocked', 'wake:allowed']);

    const s = gate(serializeHold({ ...awakeHold, kind: 'asleep' }));
    for (const path of ['wake', 'prewarm', 'prewarm-schedule', 'ctl-up'] as const) expect(await s.gate.check(path)).toMatchObject({ allow: false, reason: expect.stringMatching(/^maintenance hold asleep until/) });
    expect(await s.gate.check('idle-shutdown')).toMatchObject({ allow: true });
  });

  it('a wake planned for after the hold ends is allowed (a pre-warm for tomorrow)', async () => {
    const s = gate(serializeHold({ ...awakeHold, kind: 'asleep' }));
    expect(await s.gate.check('prewarm', new Date('2026-11-29T17:59:00Z'))).toMatchObject({ allow: false });
    expect(await s.gate.check('prewarm', new Date('2026-11-29T18:00:00Z'))).toMatchObject({ allow: true });
  });

  it('reads the store once per cache window, yet applies expiry exactly (no stale "held" from the cache)', async () => {
    const t = gate(serializeHold({ ...awakeHold, until: new Date(NOW.getTime() + 20_000) }));
    expect(await t.gate.check('idle-shutdown')).toMatchObject({ allow: false });
    t.clock.advance(25_000);
    expect(await t.gate.check('idle-shutdown')).toMatchObject({ allow: true, note: expect.stringMatching(/expired/) });
    expect(t.store.reads).toBe(1);
    expect(t.decisions.at(-1)).toMatchObject({ decision: 'ignored', reason: 'hold awake expired at 2026-11-29T12:00:20.000Z' });
    t.clock.advance(10_000);
    await t.gate.check('idle-shutdown');
    expect(t.store.reads).toBe(2);
  });

  it('an unreadable store is ignored with a reason and never blocks', async () => {
    const t = gate(serializeHold(awakeHold));
    t.store.failReads = 'AccessDeniedException: not authorized to perform ssm:GetParameter';
    expect(await t.gate.check('idle-shutdown')).toEqual({ allow: true, note: 'hold unreadable, ignored: AccessDeniedException: not authorized to perform ssm:GetParameter' });
    expect(t.decisions).toEqual([{ path: 'idle-shutdown', decision: 'ignored', reason: 'hold unreadable, ignored: AccessDeniedException: not authorized to perform ssm:GetParameter' }]);
  });

  it('no hold: no decision reported', async () => {
    const t = gate('none');
    expect(await t.gate.check('wake')).toEqual({ allow: true });
    expect(t.decisions).toEqual([]);
  });
});

describe('SSM hold store (exact calls)', () => {
  const client = new SSMClient({ region: 'eu-central-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  const mock = mockClient(client);
  const store = new SsmHoldStore(client, '/jitsi-stz/hold');
  beforeEach(() => mock.reset());

  it('reads with one GetParameter (no decryption: a String parameter)', async () => {
    mock.on(GetParameterCommand).resolves({ Parameter: { Name: '/jitsi-stz/hold', Value: 'none', Type: 'String' } });
    expect(await store.read()).toBe('none');
    expect(mock.calls()).toHaveLength(1);
    expect(mock.commandCalls(GetParameterCommand)[0]!.args[0].input).toEqual({ Name: '/jitsi-stz/hold' });
  });

  it('a missing parameter reads as no hold; other errors propagate (the gate ignores them)', async () => {
    mock.on(GetParameterCommand).rejectsOnce(new ParameterNotFound({ message: 'not found', $metadata: {} })).rejectsOnce(new Error('AccessDenied'));
    expect(await store.read()).toBeUndefined();
    await expect(store.read()).rejects.toThrow('AccessDenied');
  });

  it('writes with one PutParameter overwriting the String parameter', async () => {
    mock.on(PutParameterCommand).resolves({ Version: 2 });
    await store.write(serializeHold(awakeHold));
    expect(mock.calls()).toHaveLength(1);
    expect(mock.commandCalls(PutParameterCommand)[0]!.args[0].input).toEqual({ Name: '/jitsi-stz/hold', Value: serializeHold(awakeHold), Type: 'String', Overwrite: true });
  });
});

describe('hold configuration', () => {
  it('is optional, validates the parameter name and the cache window', () => {
    expect(loadHoldConfig({})).toEqual({ parameter: undefined, cacheMs: 30_000 });
    expect(loadHoldConfig({ HOLD_PARAMETER: '/jitsi-stz/hold', HOLD_CACHE_SECONDS: '10' })).toEqual({ parameter: '/jitsi-stz/hold', cacheMs: 10_000 });
    expect(() => loadHoldConfig({ HOLD_PARAMETER: 'bad name!', HOLD_CACHE_SECONDS: '9999' })).toThrow(
      'Invalid configuration: HOLD_PARAMETER must be an SSM parameter name or ARN (got "bad name!"); HOLD_CACHE_SECONDS must be an integer from 0 to 300 (got "9999")',
    );
  });
});
