import { SsmErrors } from './errors.ts';

const MAX_DEPTH = 15;

/**
 * Parameter names: letters, digits and `.-_/` , optionally a path of sub-paths under `/`; not prefixed with `aws` or
 * `ssm` (any case), at most 15 levels deep (Systems Manager's requirements for parameter names).
 */
export function checkName(name: string): void {
  const bare = name.startsWith('/') ? name.slice(1) : name;
  if (/^(aws|ssm)/i.test(bare)) {
    throw SsmErrors.validation(
      'Parameter name: can\'t be prefixed with "aws" or "ssm" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_',
    );
  }
  if (!/^[A-Za-z0-9_.\-/]+$/.test(name) || (name.includes('/') && !name.startsWith('/')) || name.includes('//') || name.endsWith('/')) {
    throw SsmErrors.validation(
      'Parameter name must be a fully qualified name: it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_',
    );
  }
  if (name.split('/').length - 1 > MAX_DEPTH) throw SsmErrors.hierarchyLimit();
}

/** A name with its selector split off: `name:3` (version) or `name:label`. */
export function splitSelector(reference: string): { name: string; selector?: string } {
  const at = reference.lastIndexOf(':');
  if (at <= 0 || (reference.startsWith('arn:') && reference.split(':').length <= 6)) return { name: reference };
  return { name: reference.slice(0, at), selector: reference.slice(at + 1) };
}
