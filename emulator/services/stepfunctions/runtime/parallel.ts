import type { MachineDef } from '../asl/definition.ts';
import type { Json } from '../asl/query.ts';
import type { ExecutionEnv, Thread } from './env.ts';
import type { StateScope } from './interpreter.ts';
import { partsMemory } from './redrive.ts';

export type RunMachine = (env: ExecutionEnv, thread: Thread, machine: MachineDef, input: Json) => Promise<Json>;

/** A Parallel state: every branch runs at once on the same input; the first failure stops the others. */
export async function runParallel(scope: StateScope, runMachine: RunMachine): Promise<Json> {
  const { env, thread, def, io } = scope;
  // TestState's mock stands for the branches' results (one per branch): they do not run.
  if (env.test?.mock) return env.test.mock();
  const input = await io.effectiveInput();
  env.log.add(thread.frame, 'ParallelStateStarted');
  const stop = new AbortController();
  const branchEnv: ExecutionEnv = { ...env, signal: AbortSignal.any([env.signal, stop.signal]) };
  const branches = (def.Branches as MachineDef[]).map((machine) => ({
    machine,
    thread: { frame: thread.frame.fork(), vars: thread.vars.child(), language: machine.QueryLanguage ?? io.language } satisfies Thread,
  }));
  let failed: Thread | undefined;
  const memory = partsMemory(env, thread);
  try {
    const results = await Promise.all(
      branches.map(async (branch, index) => {
        const reused = memory?.reused(index);
        if (reused !== undefined) return reused;
        try {
          const output = await runMachine(branchEnv, branch.thread, branch.machine, input);
          memory?.succeeded(index, output);
          return output;
        } catch (error) {
          failed ??= branch.thread;
          throw error;
        }
      }),
    );
    thread.frame.last = Math.max(...branches.map((b) => b.thread.frame.last));
    env.log.add(thread.frame, 'ParallelStateSucceeded', {}, { detached: true });
    return results;
  } catch (error) {
    stop.abort(error);
    if (failed) thread.frame.last = failed.frame.last;
    throw error;
  }
}
