import { templateError, validationError } from '../errors.ts';
import { references, type Scope } from '../template/intrinsics.ts';
import type { TemplateResource } from '../template/parse.ts';

/**
 * Logical id -> the resources it needs first (its Ref/GetAtt/Sub references and DependsOn), among `resources`; given
 * the stack's conditions, only the `Fn::If` branches taken count.
 */
export function dependencies(resources: Record<string, TemplateResource>, knownNames: ReadonlySet<string>, scope?: Pick<Scope, 'template' | 'condition'>): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  const unresolved = new Set<string>();
  for (const [id, resource] of Object.entries(resources)) {
    const needs = new Set<string>();
    for (const name of references(resource.Properties ?? {}, new Set(), scope)) {
      if (Object.hasOwn(resources, name)) needs.add(name);
      else if (!knownNames.has(name)) unresolved.add(name);
    }
    const dependsOn = resource.DependsOn === undefined ? [] : Array.isArray(resource.DependsOn) ? resource.DependsOn : [resource.DependsOn];
    for (const name of dependsOn) {
      if (typeof name !== 'string' || !Object.hasOwn(resources, name)) {
        throw templateError(`Template format error: Unresolved resource dependencies [${String(name)}] in the Resources block of the template`);
      }
      needs.add(name);
    }
    graph.set(id, needs);
  }
  if (unresolved.size) throw templateError(`Template format error: Unresolved resource dependencies [${[...unresolved].join(', ')}] in the Resources block of the template`);
  checkAcyclic(graph);
  return graph;
}

function checkAcyclic(graph: Map<string, Set<string>>): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string) => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      const cycle = stack.slice(stack.indexOf(id));
      throw validationError(`Circular dependency between resources: [${cycle.sort().join(', ')}]`);
    }
    state.set(id, 'visiting');
    stack.push(id);
    for (const next of graph.get(id) ?? []) visit(next);
    stack.pop();
    state.set(id, 'done');
  };
  for (const id of graph.keys()) visit(id);
}

/** The graph with its edges turned around: for deletion, a resource goes after everything that needs it. */
export function reversed(graph: Map<string, Set<string>>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>([...graph.keys()].map((id) => [id, new Set<string>()]));
  for (const [id, needs] of graph) for (const need of needs) out.get(need)?.add(id);
  return out;
}

/**
 * Runs `work` for every node once all its needs are done, as many at once as the graph allows. After a failure no
 * new work starts; the work in flight finishes. Resolves with the ids that failed, in order of failure, and those never started.
 */
export async function walk(graph: Map<string, Set<string>>, work: (id: string) => Promise<void>): Promise<{ failed: string[]; skipped: string[] }> {
  const done = new Set<string>();
  const started = new Set<string>();
  const failed: string[] = [];
  await new Promise<void>((finish) => {
    let running = 0;
    const pump = () => {
      if (!failed.length) {
        for (const [id, needs] of graph) {
          if (started.has(id) || [...needs].some((n) => !done.has(n) && graph.has(n))) continue;
          started.add(id);
          running++;
          work(id).then(
            () => done.add(id),
            () => failed.push(id),
          ).finally(() => {
            running--;
            pump();
          });
        }
      }
      if (running === 0) finish();
    };
    pump();
  });
  return { failed, skipped: [...graph.keys()].filter((id) => !started.has(id)) };
}
