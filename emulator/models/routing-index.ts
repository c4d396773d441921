import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadModel } from './load.ts';
import type { ServiceModel } from './types.ts';

/**
 * What the gateway needs to tell which service a request is for, per model, without parsing the models: signing name,
 * endpoint and target prefixes, query actions and REST URI templates. Kept in routing-index.json (written by
 * `npm run models:index`, checked by a test), so that start-up reads one small file and a service's model and code
 * load on its first request.
 */
export interface RoutingEntry {
  signingName: string;
  endpointPrefix: string;
  targetPrefix?: string;
  protocols: string[];
  /** Operation names, for services that speak the query protocol (routed by `Action`). */
  actions?: string[];
  /** `[method, requestUri]` of each operation, for REST services (unsigned requests are routed by path). */
  routes?: [string, string][];
}

export function routingEntry(model: ServiceModel): RoutingEntry {
  const meta = model.metadata;
  const protocols = meta.protocols ?? [meta.protocol];
  const entry: RoutingEntry = { signingName: meta.signingName ?? meta.endpointPrefix, endpointPrefix: meta.endpointPrefix, protocols };
  if (meta.targetPrefix) entry.targetPrefix = meta.targetPrefix;
  if (protocols.includes('query')) entry.actions = Object.keys(model.operations);
  if (meta.protocol.startsWith('rest-')) entry.routes = Object.values(model.operations).map((op) => [op.http.method, op.http.requestUri]);
  return entry;
}

const INDEX_FILE = new URL('./routing-index.json', import.meta.url);
const NOT_MODELS = new Set(['VERSIONS.json', 'routing-index.json', 'partitions.json']);

/** The services whose AWS model is in this folder, by model file name. */
export function modelNames(): string[] {
  return readdirSync(new URL('.', INDEX_FILE))
    .filter((file) => file.endsWith('.json') && !NOT_MODELS.has(file))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

/** Every model's entry, computed from the models themselves. */
export function buildRoutingIndex(): Record<string, RoutingEntry> {
  return Object.fromEntries(modelNames().map((name) => [name, routingEntry(loadModel(name))]));
}

/** Rewrites routing-index.json from the models. */
export function writeRoutingIndex(): void {
  writeFileSync(INDEX_FILE, serializeRoutingIndex(buildRoutingIndex()));
}

let committed: Record<string, RoutingEntry> | undefined;

/** The committed index: every model's entry as of the last `npm run models:index`. */
export function committedRoutingIndex(): Record<string, RoutingEntry> {
  committed ??= JSON.parse(readFileSync(INDEX_FILE, 'utf8')) as Record<string, RoutingEntry>;
  return committed;
}

/** The entry for one model: from the committed index, or from the model itself when the index predates it. */
export function routingEntryFor(name: string): RoutingEntry {
  const index = committedRoutingIndex();
  return Object.hasOwn(index, name) ? index[name] : routingEntry(loadModel(name));
}

export function serializeRoutingIndex(index: Record<string, RoutingEntry>): string {
  return `${JSON.stringify(index)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeRoutingIndex();
  console.log(`wrote ${fileURLToPath(INDEX_FILE)}`);
}
