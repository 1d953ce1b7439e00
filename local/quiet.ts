// Imported first by the local entry points: local mode prints its own timeline (and ctl its own output, which
// --json keeps machine-readable), so Powertools writes no JSON lines to the terminal unless asked with
// POWERTOOLS_LOG_LEVEL=INFO (or WARN, DEBUG).
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
