import type { ParameterStringFilter } from '@aws-sdk/client-ssm';
import { SsmErrors } from './errors.ts';
import type { Parameter } from './state.ts';

/** Whether a name is under a path: its direct children, or any descendant when recursive. */
export function underPath(name: string, path: string, recursive: boolean): boolean {
  const prefix = path.endsWith('/') ? path : `${path}/`;
  if (!name.startsWith(prefix)) return false;
  return recursive || !name.slice(prefix.length).includes('/');
}

/** Parameter filters (Name, Type, KeyId, Path, Tier, DataType, Label, tag:<key>) with their options. */
export function matchesFilter(parameter: Parameter, filter: ParameterStringFilter): boolean {
  const current = parameter.versions[parameter.versions.length - 1];
  const values = filter.Values ?? [];
  const option = filter.Option ?? 'Equals';
  const key = filter.Key!;
  const test = (candidate: string | undefined) =>
    candidate !== undefined &&
    values.some((v) => (option === 'BeginsWith' ? candidate.startsWith(v) : option === 'Contains' ? candidate.includes(v) : candidate === v));
  if (key === 'Name') return test(parameter.name) || test(parameter.name.replace(/^\//, ''));
  if (key === 'Type') return test(current.type);
  if (key === 'KeyId') return test(current.keyId);
  if (key === 'Tier') return test(current.tier);
  if (key === 'DataType') return test(current.dataType);
  if (key === 'Label') return parameter.versions.some((v) => [...v.labels].some((l) => values.includes(l)));
  if (key === 'Path') return values.some((path) => underPath(parameter.name, path, option === 'Recursive'));
  if (key.startsWith('tag:')) {
    const tag = parameter.tags.find((t) => t.Key === key.slice(4));
    return tag !== undefined && (values.length === 0 || values.includes(tag.Value ?? ''));
  }
  throw SsmErrors.invalidFilterKey(`The following filter key is not valid: ${key}`);
}

/** NextToken pagination over a listing; tokens are opaque positions. */
export function pageOf<T>(all: T[], max: number | undefined, token: string | undefined, defaultMax: number): { items: T[]; NextToken?: string } {
  const start = token === undefined ? 0 : Number(Buffer.from(token, 'base64url').toString());
  if (!Number.isInteger(start) || start < 0 || start > all.length) throw SsmErrors.invalidNextToken();
  const items = all.slice(start, start + (max ?? defaultMax));
  const next = start + items.length;
  return { items, NextToken: next < all.length ? Buffer.from(String(next)).toString('base64url') : undefined };
}
