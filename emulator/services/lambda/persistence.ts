import type { ServicePersistence } from '../../persistence/types.ts';
import { CodeServer } from './code-server.ts';
import type { CodeBundle } from './code.ts';
import { startMapping } from './operations/event-source-mappings.ts';
import { EnvironmentPool } from './runtime/pool.ts';
import { LambdaState } from './state.ts';

/** Every deployment package and layer archive a state holds. */
function* bundles(state: LambdaState): Iterable<CodeBundle> {
  for (const fn of state.functions.values()) {
    yield fn.latest.code;
    for (const version of fn.versions.values()) yield version.code;
  }
  for (const layer of state.layers.values()) for (const version of layer.versions.values()) yield version.code;
}

/**
 * What Lambda state holds, for persistence: functions (configuration, code, versions, aliases, permissions, URL,
 * concurrency and invoke settings, tags), layers, event source mappings and code signing configs. What runs is not
 * saved: execution environments start again on the next invocation, code is unpacked again where it is needed, and
 * each mapping's poller starts again from the mapping's starting position (a stream mapping may hand records it had
 * processed before the restart to the function again, which Lambda's at-least-once delivery allows). Pending
 * asynchronous invocations and the functions' recent log output (kept for LogType Tail) are not saved.
 */
export const lambdaPersistence: ServicePersistence<LambdaState> = {
  classes: {
    LambdaState: {
      type: LambdaState,
      transient: {
        pollers: () => new Map(),
        logDelivery: () => Promise.resolve(),
        logTargets: () => new Set(),
        logs: () => new Map(),
        codeServer: () => new CodeServer(),
        pool: () => new EnvironmentPool(),
        asyncQueue: () => undefined,
        disposed: () => false,
        dir: () => undefined,
      },
    },
  },
  revive(state, emulator) {
    // The directories code was unpacked to belonged to the saved state's work directory.
    for (const bundle of bundles(state)) delete bundle.dir;
    for (const mapping of state.eventSourceMappings.values()) startMapping(emulator, state, mapping);
  },
};
