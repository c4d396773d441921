/**
 * What changed in AWS's models between the committed copy and a refresh: operations added or removed, and members
 * added to or removed from each operation's input and output, so a refresh says what there is to implement next.
 */
// Raw model JSON: typed loosely, as in refresh.ts.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

export interface ServiceChanges {
  service: string;
  from?: string;
  to: string;
  addedOperations: string[];
  removedOperations: string[];
  /** `Operation.input.Member` / `Operation.output.Member`, prefixed `+` (added) or `-` (removed). */
  members: string[];
}

function membersOf(model: Json, ref: Json | undefined): Set<string> {
  return new Set(Object.keys(ref?.shape ? (model.shapes[ref.shape]?.members ?? {}) : {}));
}

export function modelChanges(service: string, before: Json | undefined, after: Json): ServiceChanges {
  const oldOps = new Set(Object.keys(before?.operations ?? {}));
  const newOps = new Set(Object.keys(after.operations));
  const members: string[] = [];
  for (const op of newOps) {
    if (!before || !oldOps.has(op)) continue;
    for (const side of ['input', 'output'] as const) {
      const was = membersOf(before, before.operations[op][side]);
      const is = membersOf(after, after.operations[op][side]);
      for (const m of is) if (!was.has(m)) members.push(`+${op}.${side}.${m}`);
      for (const m of was) if (!is.has(m)) members.push(`-${op}.${side}.${m}`);
    }
  }
  return {
    service,
    ...(before ? { from: before.metadata.apiVersion } : {}),
    to: after.metadata.apiVersion,
    addedOperations: [...newOps].filter((o) => !oldOps.has(o)).sort(),
    removedOperations: [...oldOps].filter((o) => !newOps.has(o)).sort(),
    members: members.sort(),
  };
}

/** Markdown for reports/model-changes.md; `implemented` tells which new operations twinstack already serves. */
export function changesMarkdown(botocore: { from?: string; to: string }, changes: ServiceChanges[], implemented: (service: string, op: string) => boolean): string {
  const changed = changes.filter((c) => c.addedOperations.length || c.removedOperations.length || c.members.length);
  const lines = [
    '# AWS model changes at the last refresh',
    '',
    `botocore ${botocore.from ?? '(none)'} -> ${botocore.to}. ${changed.length ? `${changed.length} services changed.` : 'No service changed.'}`,
    '',
  ];
  for (const c of changed) {
    lines.push(`## ${c.service}`, '');
    for (const op of c.addedOperations) lines.push(`- new operation \`${op}\`${implemented(c.service, op) ? '' : ' — **not implemented by twinstack**'}`);
    for (const op of c.removedOperations) lines.push(`- removed operation \`${op}\``);
    for (const m of c.members) lines.push(`- ${m.startsWith('+') ? 'new' : 'removed'} member \`${m.slice(1)}\``);
    lines.push('');
  }
  return `${lines.join('\n')}`;
}
