import { ConfigError as DeployConfigError, FIELDS, loadConfig, type ControllerConfig } from '../../infra/config.js';
import type { Field } from '../../infra/config-schema.js';
import { baseEnvironment } from '../../infra/constructs/function-environment.js';
import { FUNCTION_NAMES, type FunctionName } from '../../infra/constructs/function-catalog.js';
import { loadProbeConfig, loadWatchConfig } from '../../shared/config/activity-config.js';
import { ConfigError } from '../../shared/config/env-reader.js';
import { loadIdleShutdownConfig } from '../../shared/config/idle-config.js';
import { loadPowerDownConfig } from '../../shared/config/power-down-config.js';
import { loadPrewarmApiFunctionConfig, loadPrewarmFunctionConfig, loadWakeFunctionConfig } from '../../shared/config/prewarm-config.js';
import { EXAMPLE, synthStack } from './infra-fixtures.js';

/**
 * DESIGN invariant 8: `cdk synth` accepts exactly what the functions accept. Every configuration key is
 * walked across its accepted range (min, max, just outside, each oneOf, sample strings); every value synth
 * accepts must pass every function's cold-start loader with the environment synth would give it, and every
 * out-of-range value that reaches a function must be refused by both.
 */
const LOADERS: Record<FunctionName, (env: Record<string, string>) => unknown> = {
  wake: loadWakeFunctionConfig,
  watch: loadWatchConfig,
  probe: loadProbeConfig,
  'idle-shutdown': loadIdleShutdownConfig,
  'power-down': loadPowerDownConfig,
  prewarm: loadPrewarmFunctionConfig,
  'prewarm-api': loadPrewarmApiFunctionConfig,
};

/** What infra/constructs/controller-wiring.ts adds once the other resources exist (names checked below). */
function wiredEnvironment(name: FunctionName, c: ControllerConfig): Record<string, string> {
  const env = baseEnvironment(name, c);
  const probe: Record<string, string> = c.activitySource === 'probe' ? { PROBE_FUNCTION_NAME: 'TestStack-ProbeFunction-abc123' } : {};
  const scheduling = { SCHEDULE_GROUP_NAME: 'TestStack-OneTime', SCHEDULER_ROLE_ARN: 'arn:aws:iam::123456789012:role/TestStack-OneTimeRole' };
  // Every path that wakes or stops resets the idle alarms (main: alarm reset), so it knows their names.
  const alarms = { NO_JOIN_ALARM_NAME: 'TestStack-no-join', EMPTY_ALARM_NAME: 'TestStack-empty' };
  // The operator's hold (infra/constructs/hold-parameter.ts) for every function that respects holds.
  const hold = { HOLD_PARAMETER: 'TestStack-Hold' };
  switch (name) {
    case 'watch': return { ...env, ...probe };
    case 'idle-shutdown': return { ...env, ...probe, ...alarms, ...hold };
    case 'power-down': return { ...env, ...probe, ...scheduling, ...alarms, ...hold };
    case 'prewarm': return { ...env, ...alarms, ...hold };
    case 'wake': return { ...env, ...probe, ...alarms, ...hold };
    // Deployed only with a token parameter (the walk gives it one when the configuration has none).
    case 'prewarm-api':
      return { ...env, ...scheduling, ...alarms, ...hold, PREWARM_TOKEN_PARAMETER: c.prewarmTokenParameter ?? '/jitsi/prewarm-token', PREWARM_FUNCTION_ARN: 'arn:aws:lambda:eu-central-1:123456789012:function:TestStack-Prewarm' };
    default: return env;
  }
}

const CERTIFICATE = 'arn:aws:acm:eu-central-1:123456789012:certificate/0f7a8b2c-1d2e-4f50-9a6b-7c8d9e0f1a2b';
const METRIC = { activitySource: 'metric', activityMetricNamespace: 'Jitsi', activityMetricName: 'participants' };

/** Sample values per key beyond what the schema says (strings with checks, lists, maps). */
const SAMPLES: Partial<Record<keyof typeof FIELDS, { ok: unknown[]; bad: unknown[]; base?: Record<string, unknown> }>> = {
  activityMetricStat: {
    base: METRIC,
    ok: ['Maximum', 'Minimum', 'Average', 'Sum', 'SampleCount', 'IQM', 'p99', 'p99.9', 'p50', 'p0', 'p100', 'tm90', 'wm98', 'tc90', 'ts90',
      'TM(2%:98%)', 'TM(150:1000)', 'WM(10%:90%)', 'PR(:300)', 'PR(100:2000)', 'TC(10%:)'],
    bad: ['max', 'maximum', 'Median', 'p101', 'tm', 'TM(:)', 'TM(2%:98%', 'p99.12345678901', 'Maximum '.repeat(2)],
  },
  timeZone: { ok: ['UTC', 'Europe/Berlin', 'europe/berlin', 'America/New_York', 'Asia/Kolkata', 'Etc/GMT+5'], bad: ['Mars/Olympus', 'Berlin'] },
  meetingBaseUrl: { ok: ['https://meet.example.org', 'https://meet.example.org/team/'], bad: ['http://meet.example.org', 'https://meet.example.org/?a=1', 'meet.example.org'] },
  serviceGroup: {
    ok: [['jitsi/web'], ['arn:aws:ecs:eu-central-1:123456789012:service/jitsi/jitsi-web'], Array.from({ length: 10 }, (_, i) => `c/s${i}`)],
    bad: [[], ['web'], ['jitsi/web', 'jitsi/web'], Array.from({ length: 11 }, (_, i) => `c/s${i}`)],
  },
  groupName: { ok: ['jitsi', 'a', 'x'.repeat(64)], bad: ['', 'has space', 'x'.repeat(65)] },
  metricNamespace: { ok: ['JitsiScaleToZero', 'Team/Jitsi'], bad: ['has space', 'x'.repeat(256)] },
  powertoolsServiceName: { ok: ['jitsi-scale-to-zero'], bad: ['has space'] },
  supportContact: { ok: ['ops@example.org', 'Call +49 30 1234 (desk)'], bad: [] },
  activityMetricDimensions: { base: METRIC, ok: [{}, { ClusterName: 'jitsi', ServiceName: 'web' }, 'A=b,C=d'], bad: ['nope'] },
  prewarmTokenParameter: { ok: ['/jitsi/prewarm-token', 'token'], bad: ['has space'] },
  account: { ok: ['123456789012'], bad: ['12345', 'acct'] },
  region: { ok: ['eu-central-1'], bad: ['europe', 'us-east-1'] },
  vpcId: { ok: ['vpc-0123456789abcdef0'], bad: ['vpc-x', 'subnet-0123456789abcdef0'] },
  subnetIds: { ok: [['subnet-0123456789abcdef0'], 'subnet-0123456789abcdef0,subnet-0fedcba9876543210'], bad: [['sg-0123456789abcdef0'], []] },
  taskSecurityGroupIds: { ok: [['sg-0123456789abcdef0']], bad: [['subnet-0123456789abcdef0'], []] },
  activityMetricNamespace: { base: METRIC, ok: ['Jitsi', 'Custom/Jitsi'], bad: [] },
  activityMetricName: { base: METRIC, ok: ['participants'], bad: [] },
  domainName: { base: { region: 'eu-central-1', certificateArn: CERTIFICATE }, ok: ['join.example.org'], bad: ['Join.Example.org', 'localhost'] },
  certificateArn: { base: { region: 'eu-central-1', domainName: 'join.example.org' }, ok: [CERTIFICATE], bad: [CERTIFICATE.replace('eu-central-1', 'us-east-1'), 'arn:aws:acm:eu-central-1:1:certificate/x'] },
  powerDownTime: { ok: ['00:00', '03:30', '23:59'], bad: ['24:00', '3:30', '25:00'] },
  extraEnvironment: { ok: [{}, { READY_PROBE_SUCCESSES: '3' }], bad: [{ AWS_REGION: 'x' }, { 'bad-name': 'x' }] },
};

interface Case {
  key: string;
  value: unknown;
  base: Record<string, unknown>;
}

function casesFor(key: keyof typeof FIELDS, field: Field): { inside: Case[]; outside: Case[] } {
  const sample = SAMPLES[key];
  const base = { ...EXAMPLE, ...(sample?.base ?? {}) };
  const at = (value: unknown): Case => ({ key, value, base });
  const inside: Case[] = [];
  const outside: Case[] = [];
  if (field.kind === 'int' && field.min !== undefined && field.max !== undefined) {
    inside.push(at(field.min), at(field.max), at(field.default));
    outside.push(at(field.min - 1), at(field.max + 1), at(field.min + 0.5));
  }
  if (field.kind === 'bool') {
    inside.push(at(true), at(false), at('yes'));
    outside.push(at('maybe'));
  }
  if (field.oneOf) {
    inside.push(...field.oneOf.map(at));
    outside.push(at('none-of-these'));
  }
  if (sample) {
    inside.push(...sample.ok.map(at));
    outside.push(...sample.bad.map(at));
  }
  if (inside.length === 0 && field.default !== undefined) inside.push(at(field.default));
  return { inside, outside };
}

function synth(c: Case): ControllerConfig | string[] {
  try {
    return loadConfig({ context: { ...c.base, [c.key]: c.value } });
  } catch (e) {
    if (e instanceof DeployConfigError) return e.problems;
    throw e;
  }
}

function functionProblems(config: ControllerConfig): string[] {
  const problems: string[] = [];
  for (const name of FUNCTION_NAMES) {
    try {
      LOADERS[name](wiredEnvironment(name, config));
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      problems.push(`${name}: ${e.message}`);
    }
  }
  return problems;
}

/** The variables whose value follows this key: compare the environment of two accepted values. */
function variablesOf(key: string, a: ControllerConfig, b: ControllerConfig): Array<{ fn: FunctionName; variable: string }> {
  return FUNCTION_NAMES.flatMap((fn) => {
    const ea = wiredEnvironment(fn, a);
    const eb = wiredEnvironment(fn, b);
    return Object.keys({ ...ea, ...eb }).filter((v) => ea[v] !== eb[v]).map((variable) => ({ fn, variable }));
  });
}

describe('one validator for synth and cold start (DESIGN invariant 8)', () => {
  const keys = Object.keys(FIELDS) as Array<keyof typeof FIELDS>;

  it.each(keys)('%s: every value synth accepts starts every function', (key) => {
    const { inside, outside } = casesFor(key, FIELDS[key] as Field);
    const accepted = [...inside, ...outside].map((c) => ({ c, result: synth(c) })).filter((r) => !Array.isArray(r.result));

    expect(accepted.length).toBeGreaterThan(0);
    for (const { c, result } of accepted) {
      expect({ value: c.value, problems: functionProblems(result as ControllerConfig) }).toEqual({ value: c.value, problems: [] });
    }
  });

  it.each(keys)('%s: synth refuses every value just outside what it accepts', (key) => {
    const { outside } = casesFor(key, FIELDS[key] as Field);
    for (const c of outside) expect({ value: c.value, synth: Array.isArray(synth(c)) }).toEqual({ value: c.value, synth: true });
  });

  it.each(keys.filter((k) => (FIELDS[k] as Field).kind === 'int'))('%s: each range end synthesizes, and a function refuses the value just outside', (key) => {
    const field = FIELDS[key] as Field & { min: number; max: number };
    const base = { ...EXAMPLE, ...(SAMPLES[key]?.base ?? {}) };
    const low = synth({ key, value: field.min, base });
    const high = synth({ key, value: field.max, base });
    if (Array.isArray(low) || Array.isArray(high)) {
      // Only cross-key rules may refuse a range end (e.g. burst below rate), never the range itself.
      expect([...(Array.isArray(low) ? low : []), ...(Array.isArray(high) ? high : [])].every((p) => !p.startsWith(`${key} must be an integer`))).toBe(true);
      return;
    }
    for (const { fn, variable } of variablesOf(key, low, high)) {
      for (const outsideValue of [field.min - 1, field.max + 1]) {
        const env = { ...wiredEnvironment(fn, low), [variable]: String(outsideValue) };
        expect({ fn, variable, outsideValue, refused: refuses(() => LOADERS[fn](env)) }).toEqual({ fn, variable, outsideValue, refused: true });
      }
    }
  });

  it('refuses at cold start every metric statistic synth refuses', () => {
    const base = synth({ key: 'activityMetricStat', value: 'Maximum', base: { ...EXAMPLE, ...METRIC } }) as ControllerConfig;
    for (const stat of SAMPLES.activityMetricStat!.bad) {
      const env = { ...wiredEnvironment('watch', base), ACTIVITY_METRIC_STAT: String(stat) };
      expect({ stat, refused: refuses(() => loadWatchConfig(env)) }).toEqual({ stat, refused: true });
    }
  });

  it('knows every variable the stack wires into each function', () => {
    const { template } = synthStack();
    const config = synth({ key: 'groupName', value: 'jitsi', base: EXAMPLE }) as ControllerConfig;
    const functions = Object.values(template.findResources('AWS::Lambda::Function')) as Array<{ Properties: { Environment?: { Variables?: Record<string, unknown> }; Description?: string } }>;
    const synthesized = functions.map((f) => Object.keys(f.Properties.Environment?.Variables ?? {}).filter((v) => v !== 'NODE_OPTIONS' && v !== 'AWS_NODEJS_CONNECTION_REUSE_ENABLED').sort());
    const expected = FUNCTION_NAMES.map((name) => Object.keys(wiredEnvironment(name, config)).sort());

    expect(new Set(synthesized.map((v) => v.join(',')))).toEqual(new Set(expected.map((v) => v.join(','))));
  });
});

function refuses(run: () => unknown): boolean {
  try {
    run();
    return false;
  } catch (e) {
    if (e instanceof ConfigError) return true;
    throw e;
  }
}
