import type { Output } from '@aws-sdk/client-cloudformation';
import { validationError } from '../errors.ts';
import { resolve } from '../template/intrinsics.ts';
import type { Template } from '../template/parse.ts';
import type { Stack } from '../state.ts';
import type { Run } from './run.ts';
import type { StackScope } from './scope.ts';

function text(value: unknown): string {
  if (Array.isArray(value)) return value.join(',');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The template's outputs under its conditions, with their export names. */
export function evaluateOutputs(template: Template, scope: StackScope): Output[] {
  const out: Output[] = [];
  for (const [key, output] of Object.entries(template.Outputs ?? {})) {
    if (output.Condition !== undefined && !scope.condition(output.Condition)) continue;
    out.push({
      OutputKey: key,
      OutputValue: text(resolve(output.Value, scope)),
      ...(output.Description !== undefined ? { Description: text(resolve(output.Description, scope)) } : {}),
      ...(output.Export ? { ExportName: text(resolve(output.Export.Name, scope)) } : {}),
    });
  }
  return out;
}

/** The live stack (other than `stack`) that imports an export, if any. */
export function importerOf(run: Run, name: string, stack: Stack): Stack | undefined {
  return run.state.stacks.find((s) => s !== stack && s.status !== 'DELETE_COMPLETE' && s.imports.has(name));
}

/**
 * Makes a stack's exports the account's (names unique per account and region), refusing to change or drop an export
 * another stack imports, with AWS's messages; records what the stack imports.
 */
export function publishExports(stack: Stack, run: Run, outputs: Output[], imports: Set<string>): void {
  const exports = run.state.exports;
  const wanted = new Map(outputs.filter((o) => o.ExportName).map((o) => [o.ExportName!, o.OutputValue!]));
  for (const [name, value] of wanted) {
    const existing = exports.get(name);
    if (existing && existing.stackId !== stack.stackId) {
      const owner = run.state.stacks.find((s) => s.stackId === existing.stackId);
      throw validationError(`Export with name ${name} is already exported by stack ${owner?.stackName ?? existing.stackId}`);
    }
    const importer = existing && existing.value !== value ? importerOf(run, name, stack) : undefined;
    if (importer) throw validationError(`Cannot update export ${name} as it is in use by ${importer.stackName}`);
  }
  for (const [name, existing] of exports) {
    if (existing.stackId !== stack.stackId || wanted.has(name)) continue;
    const importer = importerOf(run, name, stack);
    if (importer) throw validationError(`Export ${name} cannot be deleted as it is in use by ${importer.stackName}`);
  }
  for (const [name, existing] of [...exports]) if (existing.stackId === stack.stackId && !wanted.has(name)) exports.delete(name);
  for (const [name, value] of wanted) exports.set(name, { stackId: stack.stackId, value });
  stack.imports = imports;
}
