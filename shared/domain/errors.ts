/** An AWS or HTTP dependency failed; `retryable` says whether asking again later may work. */
export class DependencyError extends Error {
  constructor(message: string, readonly retryable: boolean, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DependencyError';
  }
}

const RETRYABLE_NAMES = new Set([
  'ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded',
  'ServiceUnavailable', 'ServiceUnavailableException', 'ServerException', 'InternalServiceException',
  'ConcurrentUpdateException', 'TimeoutError', 'RequestTimeout', 'ECONNRESET', 'ETIMEDOUT',
]);

/** True for throttling, 5xx and transient network errors from the AWS SDK. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const e = error as Error & { $retryable?: unknown; $metadata?: { httpStatusCode?: number }; code?: string };
  if (e.$retryable) return true;
  if (RETRYABLE_NAMES.has(e.name) || (e.code !== undefined && RETRYABLE_NAMES.has(e.code))) return true;
  const status = e.$metadata?.httpStatusCode;
  return status === 429 || (status !== undefined && status >= 500);
}

export function isThrottling(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const e = error as Error & { $retryable?: { throttling?: boolean }; $metadata?: { httpStatusCode?: number } };
  return Boolean(e.$retryable?.throttling) || /Throttl|TooManyRequests|RequestLimitExceeded/.test(e.name) || e.$metadata?.httpStatusCode === 429;
}

export function toDependencyError(what: string, error: unknown): DependencyError {
  if (error instanceof DependencyError) return error;
  const name = error instanceof Error ? error.name : 'Error';
  const detail = error instanceof Error ? error.message : String(error);
  const reason = isThrottling(error) ? 'AWS is throttling requests' : `${name}: ${detail}`;
  return new DependencyError(`${what} failed: ${reason}`, isRetryable(error), { cause: error });
}
