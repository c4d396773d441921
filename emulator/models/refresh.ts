/**
 * Regenerates emulator/models/*.json from botocore's service-2 models (Apache-2.0 data), with documentation
 * stripped. SQS moved to AWS JSON 1.0 in 2023 and botocore's current model dropped the query-protocol traits
 * (wire names, query error codes, result wrappers); older clients still speak query, so those traits are merged
 * in from the last query-protocol model (Debian's python3-botocore) where one is installed.
 *
 * Every model in this folder is refreshed (`npm run new:service` adds one), or only the services named. A service
 * pinned to a newer botocore than the one read (`botocoreOf` in VERSIONS.json) keeps its model: a whole refresh never
 * takes a service back to an older API.
 *
 * Usage: npm run models:refresh [-- [--botocore DIR] [service...]]
 *   reads the botocore of `python3` (or the botocore package folder DIR, such as an unpacked newer wheel), and
 *   /usr/lib/python3/dist-packages/botocore; rewrites routing-index.json.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { botocoreDir, botocoreDirAt, isNewerVersion, readModel, strip, type Json } from './botocore.ts';
import { pythonCommand } from '../core/platform.ts';
import { changesMarkdown, modelChanges, type ServiceChanges } from './changes.ts';
import { modelNames, writeRoutingIndex } from './routing-index.ts';

/** Services whose Smithy model has `@restXml(noErrorWrapping: true)`, a trait botocore's JSON does not carry. */
const NO_ERROR_WRAPPING = new Set(['s3']);
/**
 * Root element names of S3 output documents: Smithy's `@xmlName` on the output structures, which botocore's JSON
 * drops (clients ignore the root name, but AWS sends these and raw-XML consumers see them).
 */
const XML_ROOT_NAMES: Record<string, Record<string, string>> = {
  s3: {
    ListBucketsOutput: 'ListAllMyBucketsResult',
    ListObjectsOutput: 'ListBucketResult',
    ListObjectsV2Output: 'ListBucketResult',
    ListObjectVersionsOutput: 'ListVersionsResult',
    ListMultipartUploadsOutput: 'ListMultipartUploadsResult',
    ListPartsOutput: 'ListPartsResult',
    CreateMultipartUploadOutput: 'InitiateMultipartUploadResult',
    CompleteMultipartUploadOutput: 'CompleteMultipartUploadResult',
    DeleteObjectsOutput: 'DeleteResult',
    GetBucketLocationOutput: 'LocationConstraint',
    GetObjectAttributesOutput: 'GetObjectAttributesResponse',
    GetBucketAclOutput: 'AccessControlPolicy',
    GetObjectAclOutput: 'AccessControlPolicy',
    GetBucketCorsOutput: 'CORSConfiguration',
    GetBucketLifecycleConfigurationOutput: 'LifecycleConfiguration',
    GetBucketLoggingOutput: 'BucketLoggingStatus',
    GetBucketTaggingOutput: 'Tagging',
    GetObjectTaggingOutput: 'Tagging',
    GetBucketVersioningOutput: 'VersioningConfiguration',
    GetBucketWebsiteOutput: 'WebsiteConfiguration',
    GetBucketRequestPaymentOutput: 'RequestPaymentConfiguration',
    GetBucketAccelerateConfigurationOutput: 'AccelerateConfiguration',
    ListBucketAnalyticsConfigurationsOutput: 'ListBucketAnalyticsConfigurationResult',
    ListBucketMetricsConfigurationsOutput: 'ListMetricsConfigurationsResult',
    ListBucketInventoryConfigurationsOutput: 'ListInventoryConfigurationsResult',
  },
};
const LEGACY_QUERY = '/usr/lib/python3/dist-packages/botocore';
const here = dirname(fileURLToPath(import.meta.url));

const QUERY_TRAITS = ['locationName', 'flattened'];

function copyTraits(from: Json | undefined, to: Json | undefined) {
  if (!from || !to) return;
  for (const t of QUERY_TRAITS) if (from[t] !== undefined && to[t] === undefined) to[t] = from[t];
}

/** Adds the query-protocol traits of a legacy model to the current one. */
function mergeQueryTraits(current: Json, legacy: Json) {
  current.metadata.protocols = [...new Set([...(current.metadata.protocols ?? [current.metadata.protocol]), 'query'])];
  current.metadata.xmlNamespace ??= legacy.metadata.xmlNamespace;
  for (const [name, shape] of Object.entries<Json>(current.shapes)) {
    const old = legacy.shapes[name];
    if (!old) continue;
    copyTraits(old, shape);
    if (old.error && !shape.error) shape.error = old.error;
    for (const part of ['member', 'key', 'value']) copyTraits(old[part], shape[part]);
    for (const [m, ref] of Object.entries<Json>(shape.members ?? {})) copyTraits(old.members?.[m], ref);
  }
  for (const [name, op] of Object.entries<Json>(current.operations)) {
    const wrapper = legacy.operations[name]?.output?.resultWrapper;
    if (wrapper && op.output && !op.output.resultWrapper) op.output.resultWrapper = wrapper;
  }
}

const args = parseArgs({ options: { botocore: { type: 'string' } }, allowPositionals: true });
const current = args.values.botocore ? botocoreDirAt(args.values.botocore) : botocoreDir(pythonCommand());
const legacyVersion = existsSync(LEGACY_QUERY) ? botocoreDir('/usr/bin/python3').version : undefined;
const previous = JSON.parse(readFileSync(join(here, 'VERSIONS.json'), 'utf8')) as Json;
const selected = args.positionals.length > 0;
for (const service of args.positionals) if (!modelNames().includes(service)) throw new Error(`no model ${service}.json to refresh`);
// Naming services refreshes only them: the other models, their versions and the partitions stay as they are.
const versions: Json = selected ? previous : { ...previous, botocore: current.version, legacyQueryTraitsFrom: {} };
const pinned: Json = { ...previous.botocoreOf };
const changes: ServiceChanges[] = [];
for (const service of selected ? args.positionals : modelNames()) {
  if (!selected && pinned[service] && isNewerVersion(pinned[service], current.version)) {
    console.log(`${service}: kept (botocore ${pinned[service]})`);
    continue;
  }
  const model = strip(readModel(current.dir, service)) as Json | undefined;
  if (!model) throw new Error(`botocore ${current.version} has no model for ${service}`);
  if (model.metadata.protocol === 'json' && existsSync(LEGACY_QUERY)) {
    const legacy = readModel(LEGACY_QUERY, service);
    if (legacy?.metadata.protocol === 'query') {
      mergeQueryTraits(model, legacy);
      versions.legacyQueryTraitsFrom[service] = `botocore ${legacyVersion}`;
    }
  }
  if (NO_ERROR_WRAPPING.has(service)) model.metadata.noErrorWrapping = true;
  for (const [shape, root] of Object.entries(XML_ROOT_NAMES[service] ?? {})) model.shapes[shape].locationName ??= root;
  const file = join(here, `${service}.json`);
  changes.push(modelChanges(service, existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Json) : undefined, model));
  writeFileSync(join(here, `${service}.json`), JSON.stringify(model));
  versions[service] = model.metadata.apiVersion;
  if (current.version === versions.botocore) delete pinned[service];
  else pinned[service] = current.version;
  console.log(`${service}: ${Object.keys(model.operations).length} operations (${model.metadata.protocol})`);
}
if (!selected) {
  // AWS's partitions (names, DNS suffixes, region patterns) for emulator/core/arn.ts; region descriptions dropped.
  const partitions: Json = JSON.parse(readFileSync(join(current.dir, 'data', 'partitions.json'), 'utf8'));
  for (const p of partitions.partitions) p.regions = Object.fromEntries(Object.keys(p.regions).map((region) => [region, {}]));
  writeFileSync(join(here, 'partitions.json'), JSON.stringify(partitions) + '\n');
}
if (Object.keys(pinned).length > 0) versions.botocoreOf = pinned;
else delete versions.botocoreOf;
writeFileSync(join(here, 'VERSIONS.json'), JSON.stringify(versions, null, 2) + '\n');
writeRoutingIndex();

// What AWS changed since the committed models, and which new operations twinstack does not serve yet.
const { SERVICE_LOADERS } = await import('../services/index.ts');
const served = new Map(await Promise.all(Object.entries(SERVICE_LOADERS).map(async ([name, load]) => [name, await load()] as const)));
const implemented = (service: string, op: string) => Object.hasOwn(served.get(service)?.handlers ?? {}, op);
const report = changesMarkdown({ from: previous.botocore, to: current.version }, changes, implemented);
writeFileSync(join(here, '..', '..', 'reports', 'model-changes.md'), report);
console.log(report.split('\n').slice(0, 3).join(' ').trim());
