import type { ListExportsInput, ListImportsInput } from '@aws-sdk/client-cloudformation';
import { validationError } from '../errors.ts';
import { page } from './describe.ts';
import type { CfnContext } from './template-input.ts';

export function listExports(input: ListExportsInput, ctx: CfnContext) {
  const all = [...ctx.state.exports].map(([Name, e]) => ({ ExportingStackId: e.stackId, Name, Value: e.value }));
  const { items, next } = page(all, input.NextToken, 100);
  return { Exports: items, NextToken: next };
}

export function listImports(input: ListImportsInput, ctx: CfnContext) {
  const name = input.ExportName ?? '';
  const importers = ctx.state.stacks.filter((s) => s.status !== 'DELETE_COMPLETE' && s.imports.has(name)).map((s) => s.stackName);
  if (!importers.length) throw validationError(`Export '${name}' is not imported by any stack.`);
  const { items, next } = page(importers, input.NextToken, 100);
  return { Imports: items, NextToken: next };
}
