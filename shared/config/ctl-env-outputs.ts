/**
 * How `ctl --stack <name>` finds its settings: each stack output named `CtlEnv<Name>` carries one variable
 * (`CtlEnvServiceGroup` ↔ SERVICE_GROUP). infra/constructs/operator-access.ts writes them, local/ctl-stack.ts
 * reads them back; both use these two functions.
 */
const PREFIX = 'CtlEnv';

/** `SERVICE_GROUP` → `CtlEnvServiceGroup`. */
export function outputKeyOfEnv(name: string): string {
  return PREFIX + name.toLowerCase().split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

/** `CtlEnvServiceGroup` → `SERVICE_GROUP`; undefined for other outputs. */
export function envNameOfOutput(outputKey: string): string | undefined {
  if (!outputKey.startsWith(PREFIX) || outputKey.length === PREFIX.length) return undefined;
  return outputKey.slice(PREFIX.length).replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}
