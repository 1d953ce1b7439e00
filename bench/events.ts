import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** A minimal but real-shaped HTTP API payload 2.0 event. */
export function httpEvent(method: string, path: string, body?: string, userAgent = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36'): APIGatewayProxyEventV2 {
  return {
    version: '2.0', routeKey: '$default', rawPath: path, rawQueryString: '',
    headers: { 'content-type': 'application/json', 'user-agent': userAgent, host: 'wake.example.com' },
    requestContext: {
      accountId: '123456789012', apiId: 'bench', domainName: 'wake.example.com', domainPrefix: 'wake',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent },
      requestId: 'bench', routeKey: '$default', stage: '$default', time: '27/Nov/2026:00:00:00 +0000', timeEpoch: 0,
    },
    body, isBase64Encoded: false,
  };
}
