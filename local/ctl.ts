// `npm run ctl -- <command>`: the operator CLI. It drives the group through the same core as the functions;
// the desired count stays the control point, so older scale-up/scale-down scripts keep working alongside it.
import './quiet.js';
import { pathToFileURL } from 'node:url';
import { ConfigError, type Env } from '../shared/config/env-reader.js';
import { DependencyError } from '../shared/domain/errors.js';
import { StackNotFoundError } from '../shared/adapters/aws/stack-outputs.js';
import {
  downCommand, EXIT, logCommand, prewarmCancelCommand, prewarmCreateCommand, prewarmListCommand, statusCommand, upCommand, type CommandResult,
} from './ctl-commands.js';
import { localCtlRuntime } from './ctl-local-runtime.js';
import { ctlRuntimeFromEnv, type CtlRuntime } from './ctl-runtime.js';
import { holdCommand, HoldsNotConfiguredError, parseHoldArgs } from './ctl-hold.js';
import { parseReportArgs, reportCommand } from './ctl-report.js';
import { envFromStack, loadStack, stackDeployment, stackNameFrom } from './ctl-stack.js';

export const USAGE = `Usage: npm run ctl -- [--json] [--stack <name> | --local <url>] <command>

Commands:
  status                  phase and members, live activity (and whether it is readable), last wake and
                          last stop with their reasons, both idle timers and when a stop could fire, the
                          next nightly power-down, pending re-checks and pre-warms, a deployment in progress
  log [--since 24h]       the controller's decisions (wakes, stops, skips, deferrals, rejections), one a line;
                          --since takes minutes, hours or days: 90m, 24h, 7d
  up [--wait]             wake the group (desired count 0 → 1); --wait returns once it is ready
  down [--force]          put the group to sleep; refuses while a meeting is live or activity is unknown
                          unless --force
  prewarm <time>          wake the group PREWARM_LEAD_MINUTES before a meeting at <time>
                          (ISO 8601 with offset, e.g. 2026-11-27T09:00:00+01:00)
  prewarm --list          list scheduled pre-warms
  prewarm --cancel <id>   cancel one
  hold awake --until <time> [--reason <text>]
                          idle shutdown and nightly power-down leave the group running until <time>
  hold asleep --until <time> [--reason <text>]
                          maintenance: no wake path starts the group until <time>; the waiting page says so
                          (<time>: ISO 8601 with offset, or +90m / +3h / +2d; at most 45 days ahead)
  hold --clear            end the hold now
  hold --list             show the hold (active, expired or ignored)
  report [--month YYYY-MM]
                          awake task-hours, wakes, stops by reason, wake-to-ready, Fargate cost, always-on
                          cost and saving for a month in TIME_ZONE (default: this month, to date)
  --help                  this text

Options:
  --json                  one JSON object on stdout instead of text
  --stack <name>          read everything from the deployed stack's outputs (CloudFormation DescribeStacks);
                          default: STZ_STACK_NAME. Variables you set yourself still win.
  --local <url>           drive the running local demo (npm start), e.g. --local http://localhost:8080

Exit codes: 0 done, 1 refused or failed, 2 usage or configuration error.
Without --stack or --local, configuration comes from the environment (SERVICE_GROUP, MEETING_BASE_URL, ...;
see docs/operations.md); CONTROLLER_BACKEND=simulated tries every command on an in-process simulated group.`;

/** Where the CLI points: a deployed stack, the local demo, or the environment as it is. */
export type CtlTarget = { kind: 'env' } | { kind: 'stack'; name: string } | { kind: 'local'; url: string };

export interface CtlDeps {
  env: Env;
  out(text: string): void;
  err(text: string): void;
  /** Injected in tests; built from `env` and the target otherwise. */
  runtime?: (env: Env, target: CtlTarget) => CtlRuntime | Promise<CtlRuntime>;
}

type Run = (rt: CtlRuntime) => Promise<CommandResult>;
type Parsed =
  | { help: true; json: boolean }
  | { help: false; json: boolean; target: CtlTarget; run: Run }
  | { error: string; json: boolean };

const DURATION = /^(\d{1,5})(m|h|d)$/;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `90m`, `24h`, `7d` → milliseconds (at most 30 days: CloudWatch Logs retention is 30 days by default). */
export function parseSince(text: string): number | undefined {
  const m = DURATION.exec(text);
  if (!m) return undefined;
  const ms = Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
  return ms > 0 && ms <= 30 * UNIT_MS.d ? ms : undefined;
}

/** Global options anywhere on the line; the rest is the command. */
function parseOptions(argv: readonly string[]): { json: boolean; stack?: string; local?: string; args: string[]; error?: string } {
  const args: string[] = [];
  let json = false;
  let stack: string | undefined;
  let local: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--stack' || a === '--local') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) return { json, args, error: `${a} needs a value` };
      if (a === '--stack') stack = value;
      else local = value;
      i += 1;
    } else args.push(a);
  }
  if (stack && local) return { json, args, error: '--stack and --local cannot be combined' };
  if (local && !/^https?:\/\/[^\s/?#]+\/?$/.test(local)) return { json, args, error: `--local needs the demo's base URL, like http://localhost:8080 (got "${local}")` };
  return { json, stack, local, args };
}

export function parseArgs(argv: readonly string[], env: Env = {}): Parsed {
  const options = parseOptions(argv);
  const { json, args } = options;
  if (options.error) return { error: options.error, json };
  const stack = stackNameFrom(options.stack, env);
  const target: CtlTarget = options.local ? { kind: 'local', url: options.local.replace(/\/$/, '') } : stack ? { kind: 'stack', name: stack } : { kind: 'env' };
  const [command, ...rest] = args;
  const only = (...allowed: string[]) => rest.every((a) => allowed.includes(a));
  const ok = (run: Run): Parsed => ({ help: false, json, target, run });
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { help: true, json };
  if (command === 'status' && rest.length === 0) return ok(statusCommand);
  if (command === 'log') {
    if (rest.length === 0) return ok((rt) => logCommand(rt, UNIT_MS.d));
    const since = rest.length === 2 && rest[0] === '--since' ? parseSince(rest[1]!) : undefined;
    if (since !== undefined) return ok((rt) => logCommand(rt, since));
    return { error: 'log takes --since <duration> such as 90m, 24h or 7d (at most 30d)', json };
  }
  if (command === 'up' && only('--wait') && rest.length <= 1) return ok((rt) => upCommand(rt, rest.includes('--wait')));
  if (command === 'down' && only('--force') && rest.length <= 1) return ok((rt) => downCommand(rt, rest.includes('--force')));
  if (command === 'prewarm') {
    if (rest.length === 1 && rest[0] === '--list') return ok(prewarmListCommand);
    if (rest.length === 2 && rest[0] === '--cancel') return ok((rt) => prewarmCancelCommand(rt, rest[1]!));
    if (rest.length === 1 && !rest[0]!.startsWith('--')) return ok((rt) => prewarmCreateCommand(rt, rest[0]!));
    return { error: 'prewarm takes <time>, --list or --cancel <id>', json };
  }
  if (command === 'report') {
    const report = parseReportArgs(rest);
    if ('error' in report) return { error: report.error, json };
    return ok((rt) => reportCommand(rt, report.month));
  }
  if (command === 'hold') {
    const hold = parseHoldArgs(rest);
    if ('error' in hold) return { error: hold.error, json };
    return ok((rt) => holdCommand(rt, hold));
  }
  return { error: `unknown command or arguments: ${args.join(' ')}`, json };
}

/** The runtime for a target: the stack's outputs, the local demo over HTTP, or the environment. */
export async function runtimeFor(env: Env, target: CtlTarget): Promise<CtlRuntime> {
  if (target.kind === 'local') return localCtlRuntime(target.url, env);
  if (target.kind === 'env') return ctlRuntimeFromEnv(env);
  const stack = await loadStack(target.name);
  const runtime = ctlRuntimeFromEnv(envFromStack(stack, env), undefined, `stack ${stack.name}`);
  return { ...runtime, deployment: async () => stackDeployment(stack) };
}

/** Runs one command; returns the exit code. Never throws. */
export async function main(argv: readonly string[], deps: CtlDeps): Promise<number> {
  const parsed = parseArgs(argv, deps.env);
  const fail = (code: number, message: string) => {
    if (parsed.json) deps.out(JSON.stringify({ error: message, exitCode: code }));
    deps.err(message);
    return code;
  };
  if ('error' in parsed) return fail(EXIT.usage, `${parsed.error}\n\n${USAGE}`);
  if (parsed.help) {
    deps.out(USAGE);
    return EXIT.ok;
  }
  try {
    const runtime = await (deps.runtime ?? runtimeFor)(deps.env, parsed.target);
    const result = await parsed.run(runtime);
    if (parsed.json) deps.out(JSON.stringify({ ...result.json, exitCode: result.code }));
    else (result.code === EXIT.ok ? deps.out : deps.err)(result.lines.join('\n'));
    return result.code;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof HoldsNotConfiguredError) return fail(EXIT.usage, error.message);
    if (error instanceof StackNotFoundError) return fail(EXIT.usage, error.message);
    if (error instanceof DependencyError) return fail(EXIT.refused, `failed: ${error.message}`);
    return fail(EXIT.refused, `failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const code = await main(process.argv.slice(2), {
    env: process.env,
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  });
  process.exit(code);
}
