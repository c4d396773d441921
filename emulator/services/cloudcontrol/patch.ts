import { AwsError } from '../../core/errors.ts';
import type { Properties } from '../cloudformation/provider.ts';

interface Operation {
  op: string;
  path: string;
  value?: unknown;
  from?: string;
}

function invalid(message: string): AwsError {
  return new AwsError('InvalidRequestException', message);
}

/** A JSON pointer's segments (RFC 6901: `~1` is `/`, `~0` is `~`). */
function segments(pointer: string): string[] {
  if (!pointer.startsWith('/')) throw invalid(`Invalid patch path: ${pointer}`);
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Applies an RFC 6902 JSON Patch (add, remove, replace, test) to a copy of a resource's desired state. */
export function applyPatch(document: Properties, patch: unknown): Properties {
  if (!Array.isArray(patch)) throw invalid('PatchDocument must be a JSON Patch array');
  const out = structuredClone(document);
  for (const operation of patch as Operation[]) {
    const path = segments(operation.path);
    const last = path.pop()!;
    let parent: Record<string, unknown> | unknown[] = out;
    for (const segment of path) {
      const next = (parent as Record<string, unknown>)[segment];
      if (next === null || typeof next !== 'object') throw invalid(`Invalid patch path: ${operation.path}`);
      parent = next as Record<string, unknown>;
    }
    const target = parent as Record<string, unknown>;
    switch (operation.op) {
      case 'add':
      case 'replace':
        if (Array.isArray(parent) && last === '-') parent.push(operation.value);
        else if (Array.isArray(parent) && operation.op === 'add') parent.splice(Number(last), 0, operation.value);
        else target[last] = operation.value;
        break;
      case 'remove':
        if (Array.isArray(parent)) parent.splice(Number(last), 1);
        else delete target[last];
        break;
      case 'test':
        if (JSON.stringify(target[last]) !== JSON.stringify(operation.value)) throw invalid(`Patch test failed at ${operation.path}`);
        break;
      default:
        throw invalid(`Unsupported patch operation: ${String(operation.op)}`);
    }
  }
  return out;
}
