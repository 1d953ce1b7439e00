// Imported first by main.ts: local mode prints its own timeline, so Powertools stays quiet unless asked.
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
