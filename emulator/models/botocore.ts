/** Reading AWS's service models from an installed botocore (Apache-2.0 data): used by models:refresh and new:service. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

// Raw botocore JSON of many shapes: typed loosely on purpose, the output is checked by the protocol tests.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

/** Where `python` finds botocore, and its version. */
export function botocoreDir(python: string): { dir: string; version: string } {
  const out = execFileSync(python, ['-c', 'import botocore,os;print(os.path.dirname(botocore.__file__));print(botocore.__version__)']);
  const [dir, version] = out.toString().trim().split('\n');
  return { dir, version };
}

/** A botocore package folder given by path (an unpacked wheel, say), and its version from its `__init__.py`. */
export function botocoreDirAt(dir: string): { dir: string; version: string } {
  const version = /^__version__ = '([^']+)'/m.exec(readFileSync(join(dir, '__init__.py'), 'utf8'))?.[1];
  if (!version) throw new Error(`${dir} is not a botocore package folder (no __version__ in __init__.py)`);
  return { dir, version };
}

/** Whether botocore version `a` (`1.43.107`) is newer than `b`. */
export function isNewerVersion(a: string, b: string): boolean {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return false;
}

/** The newest service-2 model of `service` under a botocore directory, or undefined when it has none. */
export function readModel(root: string, service: string): Json | undefined {
  const base = join(root, 'data', service);
  if (!existsSync(base)) return undefined;
  const version = readdirSync(base).sort().at(-1)!;
  for (const name of ['service-2.json.gz', 'service-2.json']) {
    const file = join(base, version, name);
    if (existsSync(file)) {
      const raw = readFileSync(file);
      return JSON.parse((name.endsWith('.gz') ? gunzipSync(raw) : raw).toString());
    }
  }
  return undefined;
}

/** A model without its documentation strings (most of its size). */
export function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value && typeof value === 'object') {
    const out: Json = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'documentation' || k === 'documentationUrl' || k === 'deprecatedMessage') continue;
      out[k] = strip(v);
    }
    return out;
  }
  return value;
}
