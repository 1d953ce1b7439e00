import { main, type CtlDeps } from '../../local/ctl.js';

/** Runs the operator CLI in-process (`main`, as `npm run ctl` does) and collects what it prints. */
export async function runCtl(args: readonly string[], deps: Omit<CtlDeps, 'out' | 'err'>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { ...deps, out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
