import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ContractFile } from './types.ts';

export interface LoadedContract {
  file: string;
  contract: ContractFile;
}

/** Every `*.json` contract under `dir` (folders starting with `_` hold sources, not contracts), sorted by path. */
export function contractFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) {
        if (!name.startsWith('_') && !name.startsWith('.')) walk(path);
      } else if (name.endsWith('.json') && relative(dir, d) !== '') out.push(path);
    }
  };
  walk(dir);
  return out;
}

export function loadContracts(dir: string): LoadedContract[] {
  return contractFiles(dir).map((file) => ({ file, contract: JSON.parse(readFileSync(file, 'utf8')) as ContractFile }));
}
