import { randomBytes } from 'node:crypto';

/** SSM's resource ids: a prefix and 17 lower-case hexadecimal digits (`mw-0c50858d01...`, `pb-...`). */
export function hexId(prefix: string): string {
  return `${prefix}-${randomBytes(9).toString('hex').slice(0, 17)}`;
}
