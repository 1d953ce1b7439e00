// Jest test order: the tests that synthesize CDK stacks or build bundles (test/infra, the local server tests)
// first, the rest after, each group largest file first. Jest orders by the durations of the previous run when
// its cache has them; CI starts with no cache, and the size-only order measured 477 s, this one 247 s, for
// `npm test` on 2 cores (the quick files then wait behind heavy ones that started late).
import { statSync } from 'node:fs';
import Sequencer from '@jest/test-sequencer';

const weight = (path) => (/[\\/]test[\\/]infra[\\/]/.test(path) ? 0 : /[\\/]test[\\/]local[\\/]/.test(path) ? 1 : 2);
const size = (path) => { try { return statSync(path).size; } catch { return 0; } };

class HeavyFirstSequencer extends Sequencer {
  sort(tests) {
    return [...tests].sort((a, b) => weight(a.path) - weight(b.path) || size(b.path) - size(a.path));
  }
}

export default HeavyFirstSequencer;
