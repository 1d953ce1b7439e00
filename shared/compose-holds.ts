import { MemoryHoldStore } from './adapters/memory/memory-hold-store.js';
import type { HoldConfig } from './config/hold-config.js';
import type { HoldStore } from './domain/hold.js';
import { HoldGate, type HoldDecision } from './domain/hold-gate.js';
import { systemClock, type Clock } from './domain/service-group.js';
import { onFirstUse } from './lazy.js';

/**
 * The hold gate for a function: SSM when HOLD_PARAMETER is set, none otherwise. The simulated backend keeps
 * its hold in memory. The SSM adapter and its client load on the first read (shared/lazy.ts): in the wake
 * bundle they are a separate chunk, so a status poll never loads them.
 */
export function createHoldGate(
  config: HoldConfig, backend: 'aws' | 'simulated', onDecision: (d: HoldDecision) => void, clock: Clock = systemClock,
): HoldGate | undefined {
  if (backend === 'simulated') return new HoldGate(new MemoryHoldStore(), clock, config.cacheMs, onDecision);
  if (!config.parameter) return undefined;
  return new HoldGate(ssmHoldStore(config.parameter), clock, config.cacheMs, onDecision);
}

function ssmHoldStore(parameter: string): HoldStore {
  const load = onFirstUse(async () => (await import('./adapters/aws/ssm-hold-store.js')).createSsmHoldStore(parameter));
  return {
    read: async () => (await load()).read(),
    write: async (text) => (await load()).write(text),
  };
}
