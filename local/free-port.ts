import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A port that is free right now. Port 0 cannot be passed through to the server: the local configuration
 * (the simulated MEETING_BASE_URL the probe and the redirects use) must name the real port before it listens.
 */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
