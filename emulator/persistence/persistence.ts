import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Emulator, OperationHook } from '../core/emulator.ts';
import type { RequestContext, ServiceDefinition } from '../core/service.ts';
import { decode, encode, UnpersistableError, type CodecRegistry, type Encoded } from './codec.ts';
import { fsyncDirectory, PersistenceFormatError, readSnapshot, readWal, snapshotBytes, WAL_HEADER, walRecord, writeAll, writeFileAtomically } from './format.ts';
import type { RecordMap } from './records.ts';
import { providePersistedFiles } from './files.ts';
import { registryFor } from './registry.ts';

export interface PersistenceOptions {
  /** Directory of the snapshot, the log and the lock file (created if missing); none: export and import only. */
  dir?: string;
  /**
   * `wal` (default): every acknowledged write is in the log before its response is sent, compacted into a snapshot
   * as the log grows. `snapshot`: the whole state is written every `snapshotIntervalMs` and on a clean stop.
   */
  mode?: 'wal' | 'snapshot';
  /** When the log reaches the disk: `always` (before each response; default), `interval`, or `never` (the OS decides). */
  fsync?: 'always' | 'interval' | 'never';
  fsyncIntervalMs?: number;
  /** Snapshot mode: how often state is written (default 30 s). */
  snapshotIntervalMs?: number;
  /** WAL mode: the log is compacted into a snapshot once it is this large (default 64 MiB). */
  compactBytes?: number;
}

/**
 * One service's persisted states: the object graph, and apart from it the records of each `RecordMap` in it (by the
 * map's id), each record encoded on its own so that the log can hold just the records a write changed.
 */
interface ServiceData {
  graph: Encoded;
  records: Record<string, [string, Encoded][]>;
}

/** A body of persisted state: the emulator clock's offset and each service's states. */
interface StateBody {
  clockOffsetMs: number;
  /** Format 1 held a service's whole graph as one `Encoded`, without records apart. */
  services: Record<string, ServiceData | Encoded>;
}

/** What a write changed in one RecordMap: emptied first or not, then each changed key (null: deleted; 1: inserted anew). */
type RecordChanges = [recordsId: string, emptied: boolean, changes: [key: string, value: Encoded | null, inserted?: 1][]];

type LogRecord = { seq: number; clockOffsetMs: number } & (
  | { service: string; graph?: Encoded; records: RecordChanges[] }
  | { service: string; data: Encoded }
  | { reset: string[] }
  | { body: StateBody }
);

/** A service's data while recovery applies the log to it. */
interface LiveData {
  graph: Encoded;
  records: Map<string, Map<string, Encoded>>;
}

function liveData(data: ServiceData | Encoded): LiveData {
  if ('root' in data) return { graph: data, records: new Map() };
  return { graph: data.graph, records: new Map(Object.entries(data.records).map(([id, entries]) => [id, new Map(entries)])) };
}

function serviceData(live: LiveData): ServiceData {
  return { graph: live.graph, records: Object.fromEntries([...live.records].map(([id, entries]) => [id, [...entries]])) };
}

/** Operation names that read (unless a service lists them in `persistence.writes`). */
const READ_OPERATION = /^(Get|List|Describe|Query|Scan|BatchGet|TransactGet|Head)/;

/**
 * Durable state for every service, from what each declares (`ServiceDefinition.persistence`): a service's states
 * (all accounts and regions, one object graph) are encoded by `codec.ts`, the records of its `RecordMap`s apart. In
 * WAL mode each write operation appends what it changed to the log (the records it touched, and the rest of the
 * graph unless unchanged), synchronously, before the response is sent; recovery loads the snapshot and applies the
 * log after it, cutting off a torn last record.
 */
export class Persistence implements OperationHook {
  /** `none` without a directory: state is only exported and imported over HTTP. */
  readonly mode: 'wal' | 'snapshot' | 'none';
  private readonly fsyncPolicy: 'always' | 'interval' | 'never';
  private readonly snapshotPath: string;
  private readonly walPath: string;
  private readonly lockPath: string;
  private readonly registries = new Map<string, CodecRegistry>();
  /** Services found on disk but not enabled now: kept as they are, written back in each snapshot. */
  private readonly unloaded = new Map<string, ServiceData>();
  /** Each service's graph as last logged: a write that left it as it was logs only its records. */
  private readonly loggedGraphs = new Map<string, string>();
  private readonly warned = new Set<string>();
  private readonly timers: NodeJS.Timeout[] = [];
  private walFd?: number;
  private walBytes = 0;
  private seq = 0;
  private changed = false;
  private closed = false;
  private unsynced = false;
  /** Services written since the last flush, and the flush their responses wait for (group commit). */
  private readonly dirty = new Set<ServiceDefinition>();
  private flushing?: Promise<void>;
  /** Deletions of files the state let go of, waiting until that is durable (see files.ts). */
  private afterDurable: (() => void)[] = [];

  constructor(
    private readonly emulator: Emulator,
    private readonly options: PersistenceOptions,
  ) {
    const mode = options.mode ?? 'wal';
    this.fsyncPolicy = options.fsync ?? 'always';
    if (!['wal', 'snapshot'].includes(mode)) throw new RangeError(`persistence mode must be wal or snapshot, not ${mode}`);
    if (!['always', 'interval', 'never'].includes(this.fsyncPolicy)) throw new RangeError(`fsync must be always, interval or never, not ${this.fsyncPolicy}`);
    this.mode = options.dir === undefined ? 'none' : mode;
    const dir = options.dir ?? '';
    this.snapshotPath = join(dir, 'state.snapshot');
    this.walPath = join(dir, 'state.wal');
    this.lockPath = join(dir, 'lock');
    if (this.mode !== 'none') {
      providePersistedFiles(emulator, { dir, sync: this.mode === 'wal' && this.fsyncPolicy === 'always', whenDurable: (task) => this.afterDurable.push(task) });
    }
  }

  /** Takes the directory, restores what it holds and starts logging. Returns what was recovered. */
  async open(): Promise<{ services: string[]; logRecords: number; tornBytes: number }> {
    if (this.options.dir === undefined) throw new Error('persistence needs a directory');
    mkdirSync(this.options.dir, { recursive: true });
    this.lock();
    const snapshot = readSnapshot(this.snapshotPath);
    if (snapshot) this.seq = snapshot.seq;
    const wal = readWal(this.walPath);
    const records = ((wal?.records ?? []) as LogRecord[]).filter((r) => r.seq > this.seq);
    await this.recover(snapshot?.body as StateBody | undefined, records);
    if (records.length) this.seq = records[records.length - 1].seq;
    if (wal?.tornBytes) {
      console.error(`[twinstack] ${this.walPath}: discarded a torn last record (${wal.tornBytes} bytes) left by a crash`);
      truncateSync(this.walPath, wal.validBytes);
    }
    if (this.mode === 'wal') this.openWal(!wal || wal.validBytes === 0);
    const interval = this.mode === 'snapshot' ? (this.options.snapshotIntervalMs ?? 30_000) : undefined;
    if (interval) this.every(interval, () => this.changed && this.snapshot());
    if (this.mode === 'wal' && this.fsyncPolicy === 'interval') this.every(this.options.fsyncIntervalMs ?? 100, () => this.sync());
    return { services: Object.keys((snapshot?.body as StateBody | undefined)?.services ?? {}), logRecords: records.length, tornBytes: wal?.tornBytes ?? 0 };
  }

  /**
   * After a write operation (WAL mode) its response waits until the service's state is in the log (and fsync'ed
   * with `always`). Writes that finish meanwhile share one flush: each dirty service is encoded once, one fsync.
   */
  after(ctx: RequestContext): Promise<void> | undefined {
    if (this.mode === 'none') return undefined;
    const service = this.emulator.services.get(ctx.service);
    if (!service || !this.writes(service, ctx.operation)) return undefined;
    this.changed = true;
    if (this.mode !== 'wal') return undefined;
    this.dirty.add(service);
    this.flushing ??= new Promise<void>((resolve, reject) =>
      setImmediate(() => {
        this.flushing = undefined;
        try {
          this.flush();
          resolve();
        } catch (error) {
          reject(error);
        }
      }),
    );
    return this.flushing;
  }

  private flush(): void {
    const services = [...this.dirty];
    this.dirty.clear();
    // Closed meanwhile: the final snapshot holds it all.
    if (this.walFd === undefined) return;
    const durable = this.takeAfterDurable();
    for (const service of services) {
      const changes = this.encodeChanges(service);
      if (changes) this.append({ service: service.name, ...changes }, false);
    }
    if (this.fsyncPolicy === 'always') fsyncSync(this.walFd!);
    durable();
    this.compactIfLarge();
  }

  /** The file deletions queued so far, to run once the state being written now is durable. */
  private takeAfterDurable(): () => void {
    const tasks = this.afterDurable;
    this.afterDurable = [];
    return () => tasks.forEach((task) => task());
  }

  /** A reset is logged like a write (and, in snapshot mode, waits for the next snapshot). */
  recordReset(services: string[]): void {
    for (const name of services) this.unloaded.delete(name);
    this.changed = true;
    if (this.mode === 'wal') this.append({ reset: services });
  }

  /** The whole state, as `/_twinstack/state` exports it. */
  exportState(): StateBody {
    return this.wholeState(false);
  }

  /** Every service's states; `durable` when they go to disk, which the log's record changes then start after. */
  private wholeState(durable: boolean): StateBody {
    const services: Record<string, ServiceData> = Object.fromEntries(this.unloaded);
    for (const service of this.emulator.services.values()) {
      const encoded = this.encodeService(service, durable);
      if (encoded) services[service.name] = encoded;
    }
    return { clockOffsetMs: this.emulator.clock.now() - Date.now(), services };
  }

  /** Replaces the whole state with an exported one (and makes it durable). */
  async importState(body: unknown): Promise<string[]> {
    const state = body as StateBody;
    if (typeof state !== 'object' || state === null || typeof state.services !== 'object' || state.services === null) {
      throw new RangeError('an exported state is an object with "services" (what GET /_twinstack/state returns)');
    }
    await this.emulator.reset();
    this.unloaded.clear();
    this.emulator.clock.set(Date.now() + (state.clockOffsetMs ?? 0));
    await this.restoreAll(Object.entries(state.services).map(([name, data]) => [name, liveData(data)]));
    this.changed = true;
    if (this.mode === 'wal') this.append({ body: this.wholeState(true) });
    return Object.keys(state.services);
  }

  /** Writes the whole state as the new snapshot and starts an empty log. */
  snapshot(): void {
    if (this.mode === 'none') return;
    const durable = this.takeAfterDurable();
    writeFileAtomically(this.snapshotPath, snapshotBytes(this.seq, this.wholeState(true)));
    durable();
    this.changed = false;
    this.loggedGraphs.clear();
    if (this.mode === 'wal') {
      closeSync(this.walFd!);
      writeFileAtomically(this.walPath, WAL_HEADER);
      this.openWal(false);
    }
  }

  /** Writes a final snapshot and releases the directory. */
  close(): void {
    if (this.mode === 'none' || this.closed) return;
    this.closed = true;
    for (const timer of this.timers) clearInterval(timer);
    this.snapshot();
    if (this.walFd !== undefined) closeSync(this.walFd);
    this.walFd = undefined;
    writeFileSync(this.lockPath, '');
  }

  private writes(service: ServiceDefinition, operation: string): boolean {
    return service.persistence?.writes?.includes(operation) || !READ_OPERATION.test(operation);
  }

  private registry(service: ServiceDefinition): CodecRegistry {
    let registry = this.registries.get(service.name);
    if (!registry) this.registries.set(service.name, (registry = registryFor(service, this.emulator)));
    return registry;
  }

  /**
   * All of a service's states as one graph (global tables point across regions), with every record; STS's include
   * the issued credentials. `durable`: the log's record changes start after this.
   */
  private encodeService(service: ServiceDefinition, durable: boolean): ServiceData | undefined {
    const maps: RecordMap<string, unknown>[] = [];
    const graph = this.encodeGraph(service, maps);
    if (!graph) return undefined;
    const registry = this.registry(service);
    const records: ServiceData['records'] = {};
    for (const map of maps) {
      if (durable) map.takeChanges();
      records[map.recordsId] = [...map].map(([key, value]) => [key, encode(value, registry)]);
    }
    return { graph, records };
  }

  /** What the service's writes changed since it was last logged: its graph (unless unchanged) and changed records. */
  private encodeChanges(service: ServiceDefinition): { graph?: Encoded; records: RecordChanges[] } | undefined {
    const maps: RecordMap<string, unknown>[] = [];
    const graph = this.encodeGraph(service, maps);
    if (!graph) return undefined;
    const registry = this.registry(service);
    const records: RecordChanges[] = [];
    for (const map of maps) {
      const { emptied, keys } = map.takeChanges();
      if (!emptied && !keys.length) continue;
      const changes = keys.map(([key, kind]): RecordChanges[2][number] => {
        const value = map.has(key) ? encode(map.get(key), registry) : null;
        return kind === 'inserted' && value ? [key, value, 1] : [key, value];
      });
      records.push([map.recordsId, emptied, changes]);
    }
    const text = JSON.stringify(graph);
    if (this.loggedGraphs.get(service.name) === text) return { records };
    this.loggedGraphs.set(service.name, text);
    return { graph, records };
  }

  private encodeGraph(service: ServiceDefinition, maps: RecordMap<string, unknown>[]): Encoded | undefined {
    const states = [...(this.storeOf(service.name)?.entries() ?? [])];
    const credentials = service.name === 'sts' ? this.emulator.credentials.byAccessKey : undefined;
    const shared = service.persistence?.shared?.save(this.emulator);
    try {
      return encode({ states, credentials, shared }, this.registry(service), (map) => maps.push(map));
    } catch (error) {
      if (!(error instanceof UnpersistableError)) throw error;
      if (!this.warned.has(service.name)) console.error(`[twinstack] ${service.name} state is not persisted: ${error.message}`);
      this.warned.add(service.name);
      return undefined;
    }
  }

  private storeOf(name: string) {
    return [...this.emulator.stores()].find(([n]) => n === name)?.[1];
  }

  /**
   * Restores services, then revives them: a service's revive may need another's restored state (a mapping polls a
   * queue; IAM registers its access keys in the credentials STS's state brings back).
   */
  private async restoreAll(services: Iterable<[string, LiveData | undefined]>): Promise<void> {
    const revives: (() => void)[] = [];
    for (const [name, data] of services) revives.push(await this.restoreService(name, data));
    for (const revive of revives) revive();
  }

  /**
   * Replaces a service's states with persisted ones (or none), releasing what the old ones held, and returns what
   * re-arms them. A service with persisted state is loaded now; one not enabled keeps its data as it is.
   */
  private async restoreService(name: string, data: LiveData | undefined): Promise<() => void> {
    const service = data ? await this.emulator.loadService(name) : this.emulator.services.get(name);
    this.loggedGraphs.delete(name);
    if (!service) {
      if (data) this.unloaded.set(name, serviceData(data));
      else this.unloaded.delete(name);
      return () => undefined;
    }
    const store = this.storeOf(name)!;
    for (const [, state] of store.entries()) void service.disposeState?.(state, this.emulator);
    store.clear();
    if (!data) {
      service.persistence?.shared?.restore(this.emulator, undefined);
      return () => undefined;
    }
    const registry = this.registry(service);
    const records = (id: string) => [...(data.records.get(id) ?? [])].map(([key, value]): [string, unknown] => [key, decode(value, registry)]);
    const { states, credentials, shared } = decode(data.graph, registry, records) as {
      states: [string, unknown][];
      credentials?: Emulator['credentials']['byAccessKey'];
      shared?: unknown;
    };
    service.persistence?.shared?.restore(this.emulator, shared);
    for (const [key, state] of states) store.set(key, state);
    if (credentials) this.emulator.credentials.byAccessKey = credentials;
    return () => {
      for (const [, state] of states) service.persistence?.revive?.(state as never, this.emulator);
    };
  }

  /**
   * Recovery: the snapshot, then the log records after it applied to it as data (a service's graph replaced, its
   * changed records put or deleted), then each service decoded once.
   */
  private async recover(snapshot: StateBody | undefined, records: LogRecord[]): Promise<void> {
    const latest = new Map<string, LiveData | undefined>();
    const applyBody = (body: StateBody) => {
      for (const name of new Set([...latest.keys(), ...this.emulator.services.keys(), ...this.unloaded.keys()])) latest.set(name, undefined);
      for (const [name, data] of Object.entries(body.services)) latest.set(name, liveData(data));
    };
    if (snapshot) applyBody(snapshot);
    for (const record of records) {
      if ('reset' in record) for (const name of record.reset) latest.set(name, undefined);
      else if ('body' in record) applyBody(record.body);
      else if ('data' in record) latest.set(record.service, liveData(record.data));
      else latest.set(record.service, applyChanges(latest.get(record.service), record));
    }
    const clockOffsetMs = records.length ? records[records.length - 1].clockOffsetMs : snapshot?.clockOffsetMs;
    if (clockOffsetMs !== undefined) this.emulator.clock.set(Date.now() + clockOffsetMs);
    await this.restoreAll(latest);
  }

  private append(content: { service: string; graph?: Encoded; records: RecordChanges[] } | { reset: string[] } | { body: StateBody }, sync = true): void {
    this.seq += 1;
    const record = walRecord({ seq: this.seq, clockOffsetMs: this.emulator.clock.now() - Date.now(), ...content });
    writeAll(this.walFd!, record);
    this.walBytes += record.length;
    this.unsynced = true;
    if (!sync) return;
    if (this.fsyncPolicy === 'always') fsyncSync(this.walFd!);
    this.compactIfLarge();
  }

  private compactIfLarge(): void {
    if (this.walBytes >= (this.options.compactBytes ?? 64 * 1024 * 1024)) this.snapshot();
  }

  private sync(): void {
    if (!this.unsynced || this.walFd === undefined) return;
    fsyncSync(this.walFd);
    this.unsynced = false;
  }

  private openWal(fresh: boolean): void {
    if (fresh) writeFileAtomically(this.walPath, WAL_HEADER);
    this.walFd = openSync(this.walPath, 'a');
    this.walBytes = 0;
  }

  private every(ms: number, task: () => void): void {
    const timer = setInterval(task, ms);
    timer.unref();
    this.timers.push(timer);
  }

  /** One emulator per directory: a lock file names the owner; a dead owner's lock (after kill -9) is taken over. */
  private lock(): void {
    let owner = '';
    try {
      owner = readFileSync(this.lockPath, 'utf8').trim();
    } catch {
      // no lock file yet
    }
    if (owner && Number(owner) !== process.pid && alive(Number(owner))) {
      throw new PersistenceFormatError(`persistence directory ${this.options.dir} is in use by another twinstack (pid ${owner})`);
    }
    writeFileSync(this.lockPath, String(process.pid));
    fsyncDirectory(this.options.dir!);
  }
}

/** One service's logged write applied to its recovered data. */
function applyChanges(data: LiveData | undefined, record: { graph?: Encoded; records: RecordChanges[] }): LiveData {
  if (!data && !record.graph) throw new PersistenceFormatError('the log changes records of a service it holds no state of');
  const live = record.graph ? { graph: record.graph, records: data?.records ?? new Map() } : data!;
  for (const [id, emptied, changes] of record.records) {
    let entries = live.records.get(id);
    if (!entries || emptied) live.records.set(id, (entries = new Map()));
    for (const [key, value, inserted] of changes) {
      if (value === null || inserted) entries.delete(key);
      if (value !== null) entries.set(key, value);
    }
  }
  return live;
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
