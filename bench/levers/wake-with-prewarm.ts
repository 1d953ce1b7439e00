// Bench only: the wake function as it was before the pre-warm split — wake and the pre-warm API in one
// bundle (SSM + Scheduler clients loaded at init), dispatching by path like the old routes did, with every
// client the wake path now loads lazily imported at init (wake-eager-clients.ts).
import { handler as wake } from './wake-eager-clients.js';
import { handler as prewarmApi } from '../../functions/prewarm-api/index.js';

export * from './wake-eager-clients.js';
export const handler = (event: { rawPath?: string }, context: unknown) =>
  (/^\/(api|_stz)\/prewarm(\/|$)/.test(event.rawPath ?? '') ? prewarmApi : wake)(event as never, context as never);
