import type { LogEvent, LogGroup, LogsState, LogStream } from './state.ts';

type Listener = (group: LogGroup, stream: LogStream, events: LogEvent[]) => void;

/** Live tail sessions watching a state's ingestion (not persisted: a session is an open connection). */
const listeners = new WeakMap<LogsState, Set<Listener>>();

export function watchIngestion(state: LogsState, listener: Listener): () => void {
  let set = listeners.get(state);
  if (!set) listeners.set(state, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/** Tells live tail sessions about a batch PutLogEvents accepted. */
export function notifyIngestion(state: LogsState, group: LogGroup, stream: LogStream, events: LogEvent[]): void {
  const set = listeners.get(state);
  if (set) for (const listener of set) listener(group, stream, events);
}
