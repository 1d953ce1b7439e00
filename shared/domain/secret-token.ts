import { createHash, timingSafeEqual } from 'node:crypto';

/** Port: the pre-warm API's bearer token, held in configuration (SSM Parameter Store), never in code. */
export interface SecretToken {
  value(): Promise<string>;
}

/** Shorter stored tokens are treated as a misconfiguration rather than accepted. */
export const MIN_TOKEN_LENGTH = 16;

/**
 * Constant-time comparison: both sides are hashed first so neither the content nor the length of the
 * stored token leaks through timing.
 */
export function tokenMatches(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b) && expected.length > 0;
}

/** The token from an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(authorization: string | undefined): string | undefined {
  const m = /^Bearer[ \t]+([^\s]+)[ \t]*$/i.exec(authorization ?? '');
  return m?.[1];
}
