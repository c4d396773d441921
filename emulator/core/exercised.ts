import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * With `TWINSTACK_EXERCISED_LOG=<dir>` (set by `npm test`), every process that serves requests writes the operations
 * it served to `<dir>/<pid>.json` when it exits: the evidence behind the scorecard's "exercised by SDK tests" tier.
 */
const dir = process.env.TWINSTACK_EXERCISED_LOG;
const served = new Map<string, Set<string>>();

export function recordExercised(service: string, operation: string): void {
  if (!dir) return;
  let ops = served.get(service);
  if (!ops) {
    if (!served.size) process.once('exit', flush);
    ops = new Set();
    served.set(service, ops);
  }
  ops.add(operation);
}

function flush(): void {
  mkdirSync(dir!, { recursive: true });
  const out = Object.fromEntries([...served].map(([service, ops]) => [service, [...ops].sort()]));
  writeFileSync(join(dir!, `${process.pid}.json`), JSON.stringify(out));
}
