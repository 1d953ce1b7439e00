// Child process for test/infra/bundles.test.ts: runs a built wake bundle (index.mjs + chunks/) against a fake
// AWS endpoint (AWS_ENDPOINT_URL, as the SDK honours it) and prints the answer and the calls it received.
import http from 'node:http';
import { pathToFileURL } from 'node:url';

const [bundle, eventJson, holdJson] = process.argv.slice(2);
const calls = [];
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const target = String(req.headers['x-amz-target'] ?? req.url);
    calls.push(target);
    res.setHeader('content-type', 'application/x-amz-json-1.1');
    if (target.endsWith('.GetParameter')) return res.end(JSON.stringify({ Parameter: { Name: '/hold', Value: holdJson } }));
    if (target.endsWith('.DescribeServices')) {
      return res.end(JSON.stringify({ failures: [], services: [{ serviceName: 'web', serviceArn: 'arn:aws:ecs:eu-west-1:123456789012:service/jitsi/web', status: 'ACTIVE', desiredCount: 0, runningCount: 0, pendingCount: 0, deployments: [] }] }));
    }
    res.statusCode = 400;
    res.end(JSON.stringify({ __type: 'ValidationException', message: `fake endpoint has no answer for ${target}` }));
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
process.env.AWS_ENDPOINT_URL = `http://127.0.0.1:${server.address().port}`;
const { handler } = await import(pathToFileURL(bundle).href);
const response = await handler(JSON.parse(eventJson), { awsRequestId: 'bundle-test', getRemainingTimeInMillis: () => 15_000 });
server.close();
process.stdout.write(`${JSON.stringify({ statusCode: response.statusCode, body: response.body, calls })}\n`);
