import type { SourceFile } from './source-types.ts';

/**
 * A snapshot module none of whose tests is ported (yet), with the reason PORTING.md gives for each: its tests are
 * counted, so the porting report says why they are left out instead of omitting them.
 */
export function unportedModule(source: Pick<SourceFile, 'service' | 'module' | 'snapshotDir' | 'testDir'>, reason: string): SourceFile {
  return { ...source, variants: {}, defaultProtocol: 'json', scenarios: [], notPorted: {}, notPortedOtherwise: reason };
}
