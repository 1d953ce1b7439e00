import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInvoke } from '../../local/invoke-cli.js';
import { invokeEnv } from '../../local/invoke-functions.js';
import { silenceOutput } from '../handlers/support.js';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, sink: { out: (t: string) => { out.push(t); }, err: (t: string) => { err.push(t); } } };
}

describe('npm run invoke', () => {
  let output: ReturnType<typeof silenceOutput>;
  beforeEach(() => { output = silenceOutput(); });
  afterEach(() => output.restore());

  it('runs the wake handler on a fixture against the simulated group and prints its response as JSON', async () => {
    const { out, err, sink } = io();
    const code = await runInvoke(['wake', 'events/get-status.json'], {}, sink);
    const response = JSON.parse(out.join('')) as { statusCode: number; body: string };
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ phase: 'asleep', members: [{ id: 'local/jitsi-web' }, { id: 'local/jitsi-jvb' }] });
  });

  it.each([
    [['wake'], /^usage: npm run invoke -- \[--as-is\] <function> <event.json>/],
    [['wake', 'a.json', 'extra'], /^usage:/],
    [['no-such-function', 'events/get-status.json'], /^unknown function "no-such-function"\n[\s\S]*\n {2}wake /],
    [['toString', 'events/get-status.json'], /^unknown function "toString"/],
    [['wake', 'events/does-not-exist.json'], /^cannot read event file events\/does-not-exist\.json: ENOENT/],
  ])('%j → exit code 2 with a clear message', async (args, message) => {
    const { out, err, sink } = io();
    const code = await runInvoke(args, {}, sink);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('')).toMatch(message);
  });

  it('rejects an event file that is not JSON with exit code 2', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'invoke-')), 'broken.json');
    writeFileSync(file, '{"version": "2.0",');
    const { err, sink } = io();
    expect(await runInvoke(['wake', file], {}, sink)).toBe(2);
    expect(err.join('')).toMatch(/is not valid JSON/);
  });

  it('with CONTROLLER_BACKEND=aws takes the group from the environment and reports missing settings (exit 2)', async () => {
    const { err, sink } = io();
    const code = await runInvoke(['wake', 'events/get-room.json'], { CONTROLLER_BACKEND: 'aws' }, sink);
    expect(code).toBe(2);
    expect(err.join('')).toMatch(/SERVICE_GROUP is required; MEETING_BASE_URL is required/);
  });

  it('fills in the simulated defaults but lets the environment override them', () => {
    expect(invokeEnv({})).toEqual({ SERVICE_GROUP: 'local/jitsi-web,local/jitsi-jvb', MEETING_BASE_URL: 'http://localhost:8080/_meet', CONTROLLER_BACKEND: 'simulated' });
    expect(invokeEnv({ SERVICE_GROUP: 'x/y' }).SERVICE_GROUP).toBe('x/y');
    expect(invokeEnv({ CONTROLLER_BACKEND: 'aws' })).toEqual({ CONTROLLER_BACKEND: 'aws' });
  });
});
