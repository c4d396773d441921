import type { ServiceModel } from '../models/types.ts';

/**
 * Code compiled from a model once per shape (codecs): `table` of one model, entry `key` compiled on first use. A
 * recursive shape meets its own entry while it is compiled, through a stand-in that calls the finished one.
 */
export function compiledOnce<Fn extends (...args: never[]) => unknown>(tables: WeakMap<ServiceModel, Map<string, Fn>>, model: ServiceModel, key: string, compile: () => Fn, standIn: (built: () => Fn) => Fn): Fn {
  let table = tables.get(model);
  if (!table) tables.set(model, (table = new Map()));
  let fn = table.get(key);
  if (!fn) {
    let built: Fn | undefined;
    table.set(key, standIn(() => built!));
    try {
      built = compile();
    } finally {
      table.delete(key);
    }
    table.set(key, built);
    fn = built;
  }
  return fn;
}
