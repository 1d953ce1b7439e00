import type { SimulatedWakePhases } from '../adapters/memory/simulated-group.js';
import { EnvReader, type Env } from './env-reader.js';

/**
 * The simulated group's start, phase by phase (local demo, bench). `SIM_START_DELAY_SECONDS` (default 20) is
 * the whole start, from the wake to the simulated Jitsi answering; it is split like a real Fargate start
 * (docs/wake-time.md) unless a phase is given on its own: `SIM_PROVISION_SECONDS`, `SIM_PULL_SECONDS`,
 * `SIM_START_SECONDS`, `SIM_HEALTH_SECONDS`, `SIM_LB_SECONDS`.
 */
const SPLIT = { provisioningMs: 0.2, imagePullMs: 0.35, containerStartMs: 0.2, healthChecksMs: 0.15, loadBalancerMs: 0.1 } as const;
const VARIABLES: Record<keyof SimulatedWakePhases, string> = {
  provisioningMs: 'SIM_PROVISION_SECONDS',
  imagePullMs: 'SIM_PULL_SECONDS',
  containerStartMs: 'SIM_START_SECONDS',
  healthChecksMs: 'SIM_HEALTH_SECONDS',
  loadBalancerMs: 'SIM_LB_SECONDS',
};

export function readSimulatedPhases(env: Env = process.env): SimulatedWakePhases {
  const r = new EnvReader(env);
  const total = r.int('SIM_START_DELAY_SECONDS', 20, 0, 3600) * 1000;
  const phases = Object.fromEntries(Object.entries(VARIABLES).map(([key, name]) => {
    const fallback = Math.round(total * SPLIT[key as keyof SimulatedWakePhases]) / 1000;
    return [key, Math.round(Number(r.optional(name) === undefined ? fallback : r.int(name, 0, 0, 3600)) * 1000)];
  })) as unknown as SimulatedWakePhases;
  r.done();
  return phases;
}

/** Seconds from the wake until the simulated Jitsi answers. */
export function simulatedStartSeconds(phases: SimulatedWakePhases): number {
  return Object.values(phases).reduce((a, b) => a + b, 0) / 1000;
}
