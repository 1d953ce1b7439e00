// Benchmarks measure; they do not print JSON logs or EMF lines for every call.
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
process.env.POWERTOOLS_METRICS_DISABLED = 'true';
