import type { MiddlewareStack } from '@smithy/types';

/**
 * Counts AWS SDK commands at the middleware level and answers them from a responder instead of the network:
 * the clients are real SDK v3 clients, only the transport is replaced.
 */
export class CallCounter {
  readonly counts = new Map<string, number>();

  add(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  total(): number {
    return [...this.counts.values()].reduce((a, b) => a + b, 0);
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
  }
}

export type Responder = (command: string, input: Record<string, unknown>) => unknown;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function stubClient<C extends { middlewareStack: MiddlewareStack<any, any> }>(client: C, counter: CallCounter, responder: Responder): C {
  client.middlewareStack.add(
    (_next, context) => async (args) => {
      const name = String(context.commandName ?? 'unknown').replace(/Command$/, '');
      counter.add(name);
      const output = await responder(name, args.input as Record<string, unknown>);
      return { output: { $metadata: {}, ...(output as object) }, response: {} };
    },
    { step: 'initialize', name: 'benchStubTransport', priority: 'high' },
  );
  return client;
}
