import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '..', '..');

/**
 * Where the AWS-validated snapshot reference data is (LocalStack's recorded AWS responses, Apache-2.0): the
 * `TWINSTACK_SNAPSHOTS` variable, else `shared/reference/aws-snapshots` beside the checkout (as CI lays it out), else
 * the development machines' fixed location, for a checkout cloned elsewhere.
 */
export function snapshotRoot(): string {
  const candidates = [
    process.env.TWINSTACK_SNAPSHOTS,
    resolve(REPO, '..', 'shared', 'reference', 'aws-snapshots'),
    '/work/shared/reference/aws-snapshots',
  ];
  const found = candidates.find((dir) => dir && existsSync(dir));
  if (!found) {
    throw new Error(`AWS snapshot reference data not found (looked in ${candidates.filter(Boolean).join(', ')}); set TWINSTACK_SNAPSHOTS`);
  }
  return found;
}
