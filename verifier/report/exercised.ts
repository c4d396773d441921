import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Exercised } from './tiers.ts';

/** Reads reports/exercised.json (absent: no evidence of SDK tests). */
export function readExercised(file: string): Exercised | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Exercised) : undefined;
}

/** Merges the per-process logs `npm test` left in `dir` into one sorted file, then removes them. */
export function mergeExercised(dir: string, file: string): Exercised {
  const merged = new Map<string, Set<string>>();
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const part = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Exercised;
    for (const [service, ops] of Object.entries(part)) {
      const set = merged.get(service) ?? new Set<string>();
      for (const op of ops) set.add(op);
      merged.set(service, set);
    }
  }
  const out: Exercised = Object.fromEntries([...merged].sort(([a], [b]) => a.localeCompare(b)).map(([s, ops]) => [s, [...ops].sort()]));
  writeFileSync(file, `${JSON.stringify(out, null, 1)}\n`);
  rmSync(dir, { recursive: true, force: true });
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir, file] = process.argv.slice(2).map((p) => resolve(p));
  const out = mergeExercised(dir, file);
  console.log(`exercised by the test suite: ${Object.values(out).reduce((n, ops) => n + ops.length, 0)} operations of ${Object.keys(out).length} services -> ${file}`);
}
