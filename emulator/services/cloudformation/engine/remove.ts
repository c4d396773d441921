import type { Stack } from '../state.ts';
import { deleteResources, liveResourceIds } from './deploy.ts';
import { importerOf } from './outputs.ts';
import { setStatus, type Run } from './run.ts';

/** Deletes a stack's resources in reverse dependency order, unless another stack still imports one of its exports. */
export async function removeStack(stack: Stack, run: Run, retain: Set<string>): Promise<void> {
  for (const [name, exported] of run.state.exports) {
    if (exported.stackId !== stack.stackId) continue;
    const importer = importerOf(run, name, stack);
    if (importer) {
      setStatus(stack, run, 'DELETE_FAILED', `Export ${name} cannot be deleted as it is in use by ${importer.stackName}`);
      return;
    }
  }
  for (const id of retain) {
    const resource = stack.resources.get(id);
    if (resource) resource.deletionPolicy = 'Retain';
  }
  const failed = await deleteResources(stack, run, liveResourceIds(stack), stack.template);
  if (failed.length) {
    setStatus(stack, run, 'DELETE_FAILED', `The following resource(s) failed to delete: [${failed.join(', ')}]. `);
    return;
  }
  for (const [name, exported] of [...run.state.exports]) if (exported.stackId === stack.stackId) run.state.exports.delete(name);
  stack.imports = new Set();
  stack.deleted = run.emulator.clock.date();
  // The change set that was executed stays describable by its id after the stack is gone (AWS's recording shows it).
  for (const change of [...run.state.changeSets.values()]) if (change.stackId === stack.stackId && change.executionStatus !== 'EXECUTE_COMPLETE') run.state.changeSets.delete(change.id);
  setStatus(stack, run, 'DELETE_COMPLETE');
}
