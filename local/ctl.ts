// `npm run ctl -- <command>`: the operator CLI. It drives the group through the same core as the functions;
// the desired count stays the control point, so older scale-up/scale-down scripts keep working alongside it.
import './quiet.js';
import { pathToFileURL } from 'node:url';
import { ConfigError, type Env } from '../shared/config/env-reader.js';
import { DependencyError } from '../shared/domain/errors.js';
import {
  downCommand, EXIT, prewarmCancelCommand, prewarmCreateCommand, prewarmListCommand, statusCommand, upCommand, type CommandResult,
} from './ctl-commands.js';
import { ctlRuntimeFromEnv, type CtlRuntime } from './ctl-runtime.js';
import { holdCommand, HoldsNotConfiguredError, parseHoldArgs } from './ctl-hold.js';
import { parseReportArgs, reportCommand } from './ctl-report.js';

export const USAGE = `Usage: npm run ctl -- [--json] <command>

Commands:
  status                  phase, members and (while awake) live activity
  up                      wake the group (desired count 0 → 1)
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

Exit codes: 0 done, 1 refused or failed, 2 usage or configuration error.
Configuration comes from the environment (SERVICE_GROUP, MEETING_BASE_URL, ...; see docs/operations.md);
CONTROLLER_BACKEND=simulated tries every command on an in-process simulated group.`;

export interface CtlDeps {
  env: Env;
  out(text: string): void;
  err(text: string): void;
  /** Injected in tests; built from `env` otherwise. */
  runtime?: (env: Env) => CtlRuntime;
}

type Parsed = { help: true; json: boolean } | { help: false; json: boolean; run: (rt: CtlRuntime) => Promise<CommandResult> } | { error: string; json: boolean };

export function parseArgs(argv: readonly string[]): Parsed {
  const json = argv.includes('--json');
  const args = argv.filter((a) => a !== '--json');
  const [command, ...rest] = args;
  const only = (...allowed: string[]) => rest.every((a) => allowed.includes(a));
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { help: true, json };
  if (command === 'status' && rest.length === 0) return { help: false, json, run: statusCommand };
  if (command === 'up' && rest.length === 0) return { help: false, json, run: upCommand };
  if (command === 'down' && only('--force') && rest.length <= 1) return { help: false, json, run: (rt) => downCommand(rt, rest.includes('--force')) };
  if (command === 'prewarm') {
    if (rest.length === 1 && rest[0] === '--list') return { help: false, json, run: prewarmListCommand };
    if (rest.length === 2 && rest[0] === '--cancel') return { help: false, json, run: (rt) => prewarmCancelCommand(rt, rest[1]!) };
    if (rest.length === 1 && !rest[0]!.startsWith('--')) return { help: false, json, run: (rt) => prewarmCreateCommand(rt, rest[0]!) };
    return { error: 'prewarm takes <time>, --list or --cancel <id>', json };
  }
  if (command === 'report') {
    const report = parseReportArgs(rest);
    if ('error' in report) return { error: report.error, json };
    return { help: false, json, run: (rt) => reportCommand(rt, report.month) };
  }
  if (command === 'hold') {
    const hold = parseHoldArgs(rest);
    if ('error' in hold) return { error: hold.error, json };
    return { help: false, json, run: (rt) => holdCommand(rt, hold) };
  }
  return { error: `unknown command or arguments: ${args.join(' ')}`, json };
}

/** Runs one command; returns the exit code. Never throws. */
export async function main(argv: readonly string[], deps: CtlDeps): Promise<number> {
  const parsed = parseArgs(argv);
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
    const runtime = (deps.runtime ?? ctlRuntimeFromEnv)(deps.env);
    const result = await parsed.run(runtime);
    if (parsed.json) deps.out(JSON.stringify({ ...result.json, exitCode: result.code }));
    else (result.code === EXIT.ok ? deps.out : deps.err)(result.lines.join('\n'));
    return result.code;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof HoldsNotConfiguredError) return fail(EXIT.usage, error.message);
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
