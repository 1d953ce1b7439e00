import type { EnvReader } from './env-reader.js';
import { readWakeMetricService } from './idle-config.js';

/** Where the wake function learns its estimate: the `service` dimension of `WakeToReadySeconds`. */
export interface EstimateConfig {
  /** WAKE_METRIC_SERVICE, default POWERTOOLS_SERVICE_NAME (every function shares one, see idle-config.ts). */
  metricService: string;
}

export function readEstimateConfig(r: EnvReader): EstimateConfig {
  return { metricService: readWakeMetricService(r) };
}
