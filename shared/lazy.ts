/**
 * A value built on first use by an async loader, usually a dynamic `import()` of an adapter module. In the
 * wake bundle (split into chunks, infra/lambda-bundling.ts) such a module and its SDK client are a separate
 * file that Node reads only when a request needs it; in single-file bundles and under tsx it is the same
 * code, loaded the same way. Concurrent callers share one load; a failed load is tried again next time.
 */
export function onFirstUse<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
