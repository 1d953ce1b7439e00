import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { CREATE_REQUIRE_BANNER, REPO_ROOT } from '../../infra/constructs/controller-function.js';
import { LAMBDA_ALIASES } from '../../infra/lambda-bundling.js';

/**
 * The Lambda bundles swap the default credential chain for the env-only provider. This builds a tiny
 * entry with the same aliases, runs it in a fresh Node process against a local "ECS" endpoint
 * (AWS_ENDPOINT_URL) and checks what arrives: signed with the environment's keys, nothing else consulted.
 */
const ENTRY = `
import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
try {
  const out = await new ECSClient({ maxAttempts: 1 }).send(new DescribeServicesCommand({ cluster: 'jitsi', services: ['web'] }));
  console.log('OK ' + JSON.stringify(out.services));
} catch (error) { console.log('ERR ' + error.name + ': ' + error.message); }
`;

describe('Lambda bundles: env-only credentials', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stz-envcred-'));
  const file = join(dir, 'entry.mjs');
  const seen: IncomingHttpHeaders[] = [];
  let server: Server;
  let endpoint = '';

  beforeAll(async () => {
    await build({
      stdin: { contents: ENTRY, resolveDir: REPO_ROOT, loader: 'js' },
      absWorkingDir: REPO_ROOT, outfile: file, bundle: true, platform: 'node', format: 'esm', target: 'node24',
      mainFields: ['module', 'main'], banner: { js: CREATE_REQUIRE_BANNER }, alias: { ...LAMBDA_ALIASES }, logLevel: 'error',
    });
    server = createServer((req, res) => {
      seen.push(req.headers);
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end('{"services":[],"failures":[]}'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);

  afterAll(async () => {
    await new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
    rmSync(dir, { recursive: true, force: true });
  });

  // Async spawn: the local server must keep answering while the child runs.
  const run = (env: Record<string, string>) => new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [file], { env: { PATH: process.env.PATH ?? '', HOME: dir, AWS_REGION: 'eu-west-1', ...env } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.on('error', reject);
    child.on('close', () => resolve(out.trim()));
  });

  it('signs with the environment credentials and honours AWS_ENDPOINT_URL', async () => {
    const out = await run({ AWS_ACCESS_KEY_ID: 'AKIAENVONLY', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'session-token', AWS_ENDPOINT_URL: endpoint });

    expect(out).toBe('OK []');
    expect(seen.at(-1)!['x-amz-target']).toBe('AmazonEC2ContainerServiceV20141113.DescribeServices');
    expect(seen.at(-1)!.authorization).toMatch(/Credential=AKIAENVONLY\/\d{8}\/eu-west-1\/ecs\/aws4_request/);
    expect(seen.at(-1)!['x-amz-security-token']).toBe('session-token');
  });

  it('does not fall back to profiles: without env credentials the call fails before any request', async () => {
    writeFileSync(join(dir, 'credentials'), '[jitsi]\naws_access_key_id = AKIAPROFILE\naws_secret_access_key = secret\n');
    const before = seen.length;

    const out = await run({ AWS_PROFILE: 'jitsi', AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), AWS_ENDPOINT_URL: endpoint });

    expect(out).toMatch(/^ERR CredentialsProviderError/);
    expect(seen.length).toBe(before);
  });

  it('leaves the rest of the default chain out of the bundle', () => {
    const code = readFileSync(file, 'utf8');

    for (const marker of ['AWS_CONTAINER_CREDENTIALS_FULL_URI', 'sso_start_url', 'AWS_WEB_IDENTITY_TOKEN_FILE']) expect(code).not.toContain(marker);
    expect(code).toContain('AWS_ACCESS_KEY_ID');
  });
});
