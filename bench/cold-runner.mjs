// Child process for the cold-init benchmark: import one handler and run one call, then report timings.
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';

const [file, eventFile] = process.argv.slice(2);
const t0 = performance.now();
const mod = await import(pathToFileURL(file).href);
const t1 = performance.now();
const event = JSON.parse(readFileSync(eventFile, 'utf8'));
const context = {
  functionName: 'bench', functionVersion: '$LATEST', invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:bench',
  memoryLimitInMB: '256', awsRequestId: 'bench', logGroupName: 'bench', logStreamName: 'bench',
  getRemainingTimeInMillis: () => 30000, callbackWaitsForEmptyEventLoop: false,
};
const result = await mod.handler(event, context);
const t2 = performance.now();
// Optional: what each lazy chunk costs when a later request first needs it (BENCH_THEN_IMPORT, comma-separated).
const thenImportMs = {};
for (const chunk of (process.env.BENCH_THEN_IMPORT ?? '').split(',').filter(Boolean)) {
  const s = performance.now();
  await import(pathToFileURL(chunk).href);
  thenImportMs[chunk] = performance.now() - s;
}
process.stdout.write(`\n@@BENCH ${JSON.stringify({ importMs: t1 - t0, firstCallMs: t2 - t1, initMs: t2 - t0, thenImportMs, status: result?.statusCode ?? null, rss: process.memoryUsage().rss })}\n`);
