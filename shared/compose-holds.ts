import { SsmHoldStore } from './adapters/aws/ssm-hold-store.js';
import { createSsmClient } from './adapters/aws/schedule-clients.js';
import { MemoryHoldStore } from './adapters/memory/memory-hold-store.js';
import type { HoldConfig } from './config/hold-config.js';
import { HoldGate, type HoldDecision } from './domain/hold-gate.js';
import { systemClock, type Clock } from './domain/service-group.js';

/**
 * The hold gate for a function: SSM when HOLD_PARAMETER is set (the client created once, at the caller's
 * module scope), none otherwise. The simulated backend keeps its hold in memory.
 */
export function createHoldGate(
  config: HoldConfig, backend: 'aws' | 'simulated', onDecision: (d: HoldDecision) => void, clock: Clock = systemClock,
): HoldGate | undefined {
  if (backend === 'simulated') return new HoldGate(new MemoryHoldStore(), clock, config.cacheMs, onDecision);
  if (!config.parameter) return undefined;
  return new HoldGate(new SsmHoldStore(createSsmClient(), config.parameter), clock, config.cacheMs, onDecision);
}
