import { readFile } from 'node:fs/promises';
import { ConfigError, type Env } from '../shared/config/env-reader.js';
import { invokeEnv, LOCAL_FUNCTIONS, type LocalFunction } from './invoke-functions.js';
import { refreshEvent } from './invoke-refresh.js';
import { lambdaContext } from './lambda-context.js';

export interface InvokeIo {
  out(text: string): void;
  err(text: string): void;
}

const processIo: InvokeIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

/** Exit codes: 0 the handler answered, 1 the handler threw, 2 bad usage, event file or configuration. */
export async function runInvoke(args: readonly string[], env: Env, io: InvokeIo = processIo, functions: Readonly<Record<string, LocalFunction>> = LOCAL_FUNCTIONS): Promise<number> {
  const usage = () => [
    'usage: npm run invoke -- [--as-is] <function> <event.json>',
    'the event\'s times are moved so it happens now (fixtures would be stale); --as-is keeps them',
    'functions:',
    ...Object.entries(functions).map(([name, f]) => `  ${name.padEnd(14)} ${f.summary}`),
    'backend: the embedded simulated group unless CONTROLLER_BACKEND=aws', '',
  ].join('\n');
  const asIs = args.includes('--as-is');
  const [name, file, ...extra] = args.filter((a) => a !== '--as-is');
  if (!name || !file || extra.length > 0) return fail(io, usage());
  const fn = Object.hasOwn(functions, name) ? functions[name] : undefined;
  if (!fn) return fail(io, `unknown function "${name}"\n${usage()}`);

  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return fail(io, `cannot read event file ${file}: ${(error as { message?: string }).message ?? String(error)}\n`);
  }
  let event: unknown;
  try {
    event = JSON.parse(text);
  } catch (error) {
    return fail(io, `event file ${file} is not valid JSON: ${(error as Error).message}\n`);
  }

  if (!asIs) event = refreshEvent(event, new Date());

  let handler: ReturnType<LocalFunction['build']>;
  try {
    handler = fn.build(invokeEnv(env));
  } catch (error) {
    if (error instanceof ConfigError) return fail(io, `${error.message}\n`);
    throw error;
  }
  try {
    const response = await handler(event, lambdaContext(name));
    io.out(`${JSON.stringify(response ?? null, null, 2)}\n`);
    return 0;
  } catch (error) {
    io.err(`${name} threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

function fail(io: InvokeIo, message: string): number {
  io.err(message);
  return 2;
}
