import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Reading a built bundle (infra/lambda-bundling.ts): its files, and which of them a cold start loads. The
 * bundle test checks budgets with these; the bench reports with them.
 */

/** Every .mjs file of a bundle directory: index.mjs and chunks/. */
export function bundleFiles(dir: string): string[] {
  const chunks = existsSync(join(dir, 'chunks')) ? readdirSync(join(dir, 'chunks')).map((f) => join(dir, 'chunks', f)) : [];
  return [join(dir, 'index.mjs'), ...chunks].filter((f) => f.endsWith('.mjs'));
}

/** The files a cold start loads: index.mjs and, transitively, what it imports statically (not `import(…)`). */
export function coldStartFiles(dir: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["'](\.\.?\/[^"']+\.mjs)["']/g)) visit(join(dirname(file), m[1]!));
  };
  visit(join(dir, 'index.mjs'));
  return [...seen];
}

export const bytesOf = (files: readonly string[]): number => files.reduce((total, f) => total + statSync(f).size, 0);
