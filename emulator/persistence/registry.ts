import { ExpiringMap } from '../core/credentials.ts';
import type { Emulator } from '../core/emulator.ts';
import type { ServiceDefinition } from '../core/service.ts';
import { RecordBatches } from './batches.ts';
import { emptyRegistry, type ClassSpec, type CodecRegistry } from './codec.ts';

/** Core classes any state may hold. */
const CORE_CLASSES: Record<string, ClassSpec> = {
  ExpiringMap: { type: ExpiringMap, transient: { cursor: () => undefined }, revive: (map: ExpiringMap<unknown>) => map.restartSweep() },
  RecordBatches: { type: RecordBatches },
};

/** The codec registry for one service: its declared classes and functions, the core's, and the emulator's clock. */
export function registryFor(service: ServiceDefinition, emulator: Emulator): CodecRegistry {
  const registry = emptyRegistry();
  for (const [name, spec] of Object.entries(CORE_CLASSES)) registry.classes.set(`core:${name}`, spec);
  const declared = service.persistence;
  for (const [name, spec] of Object.entries(declared?.classes ?? {})) {
    registry.classes.set(`${service.name}:${name}`, typeof spec === 'function' ? { type: spec } : (spec as ClassSpec));
  }
  for (const [name, fn] of Object.entries(declared?.functions ?? {})) registry.functions.set(`${service.name}:${name}`, fn as (...args: never[]) => unknown);
  registry.singletons.set('clock', emulator.clock);
  registry.singletons.set('emulator', emulator);
  return registry;
}
