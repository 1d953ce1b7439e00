import type { Context } from 'aws-lambda';
import type { Env } from '../shared/config/env-reader.js';

export type LocalHandler = (event: unknown, context: Context) => Promise<unknown>;

/** One function `npm run invoke` can run (the registry is in invoke-functions.ts). */
export interface LocalFunction {
  /** One line for the usage text: what triggers the function and what it does. */
  summary: string;
  /** Builds the handler the way the function's index.ts does, but from `env` instead of process.env. */
  build(env: Env): LocalHandler;
}
