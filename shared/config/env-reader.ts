/**
 * Collects every problem with the environment before failing, so a broken deploy shows one message that
 * names each missing or invalid variable (DESIGN invariant 8).
 */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

export type Env = Record<string, string | undefined>;

/** A range from shared/config/limits.ts (the same one `cdk synth` checks). */
export interface EnvRange {
  readonly default: number;
  readonly min: number;
  readonly max: number;
}

export class EnvReader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  private raw(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === '' ? undefined : value;
  }

  string(name: string, fallback?: string): string {
    const value = this.raw(name) ?? fallback;
    if (value === undefined) {
      this.problems.push(`${name} is required`);
      return '';
    }
    return value;
  }

  optional(name: string): string | undefined {
    return this.raw(name);
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      this.problems.push(`${name} must be an integer from ${min} to ${max} (got "${value}")`);
      return fallback;
    }
    return n;
  }

  /** An integer within a shared range, its default when unset. */
  inRange(name: string, range: EnvRange): number {
    return this.int(name, range.default, range.min, range.max);
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(value)) {
      this.problems.push(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
      return fallback;
    }
    return value as T;
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['true', '1', 'yes'].includes(value)) return true;
    if (['false', '0', 'no'].includes(value)) return false;
    this.problems.push(`${name} must be true or false (got "${value}")`);
    return fallback;
  }

  /** An absolute http(s) URL without query or fragment; trailing slashes are removed. */
  baseUrl(name: string, fallback?: string): URL {
    const value = this.raw(name) ?? fallback;
    if (value === undefined) {
      this.problems.push(`${name} is required`);
      return new URL('https://invalid.example');
    }
    try {
      const url = new URL(value);
      if (!['https:', 'http:'].includes(url.protocol)) throw new Error('scheme');
      if (url.search || url.hash || url.username || url.password) throw new Error('extras');
      url.pathname = url.pathname.replace(/\/+$/, '');
      return url;
    } catch {
      this.problems.push(`${name} must be an absolute http(s) URL without query, fragment or credentials (got "${value}")`);
      return new URL('https://invalid.example');
    }
  }

  list(name: string, fallback?: string): string[] {
    const value = this.raw(name) ?? fallback;
    if (value === undefined) {
      this.problems.push(`${name} is required`);
      return [];
    }
    return value.split(',').map((s) => s.trim()).filter(Boolean);
  }

  fail(problem: string): void {
    this.problems.push(problem);
  }

  done(): void {
    if (this.problems.length > 0) throw new ConfigError(this.problems);
  }
}
