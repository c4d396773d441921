import { join } from 'node:path';
import type { Emulator } from '../core/emulator.ts';

/**
 * Files a service keeps next to the persisted state (S3 object bodies): persistence saves their paths with the
 * state, so the files must be durable before the write is acknowledged, and may only be deleted once the write that
 * let them go is durable too (else a crash would restore a reference to a missing file).
 */
export interface PersistedFiles {
  /** A directory for the service's files inside the persistence directory. */
  dir: string;
  /** Whether a file must be fsync'ed before its write is acknowledged (WAL mode with fsync `always`). */
  sync: boolean;
  /** Runs `task` (a file deletion) once what the state holds now is durable. */
  whenDurable(task: () => void): void;
}

const byEmulator = new WeakMap<Emulator, { dir: string; sync: boolean; whenDurable(task: () => void): void }>();

/** @internal Set by persistence when it owns a directory. */
export function providePersistedFiles(emulator: Emulator, files: { dir: string; sync: boolean; whenDurable(task: () => void): void }): void {
  byEmulator.set(emulator, files);
}

/** Where a service keeps its files when state is persisted to a directory; undefined otherwise. */
export function persistedFiles(emulator: Emulator, name: string): PersistedFiles | undefined {
  const files = byEmulator.get(emulator);
  return files && { dir: join(files.dir, name), sync: files.sync, whenDurable: (task) => files.whenDurable(task) };
}
