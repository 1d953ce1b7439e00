import { onFirstUse } from '../../shared/lazy.js';

describe('onFirstUse (lazily loaded adapters)', () => {
  it('loads nothing until first use, then once for concurrent and later callers', async () => {
    let loads = 0;
    const get = onFirstUse(async () => ({ n: ++loads }));

    expect(loads).toBe(0);
    const [a, b] = await Promise.all([get(), get()]);
    const c = await get();

    expect(loads).toBe(1);
    expect(a).toBe(b);
    expect(c).toBe(a);
  });

  it('a failed load is reported to its callers and tried again on the next use', async () => {
    let attempts = 0;
    const get = onFirstUse(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('chunk missing');
      return 'loaded';
    });

    await expect(get()).rejects.toThrow('chunk missing');
    await expect(get()).resolves.toBe('loaded');
    expect(attempts).toBe(2);
  });
});
