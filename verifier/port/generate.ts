/**
 * Turns `contracts/_sources/*.ts` (LocalStack AWS-validated tests reproduced as request sequences) into contract files:
 * requests serialized by botocore's own serializers (serialize.py), expected responses taken only from the snapshots
 * recorded against AWS. Run: `node --import tsx verifier/port/generate.ts [service ...]` (services named: only
 * their contracts and PORTING.md rows are rewritten).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ContractFile, ContractInteraction, Expectation, JsonValue, PactMatchingRules, PresignedUrl } from '../contract/types.ts';
import { loadModel } from '../../emulator/models/load.ts';
import { pythonCommand } from '../../emulator/core/platform.ts';
import { relativeTimeGenerators, withExampleTimes, type ExampleTimes } from './relative-times.ts';
import { placeholderTemplate, receivedBodiesExpectation, snapshotToExpectation, type SnapshotForms } from './snapshot-expectation.ts';
import { snapshotRoot } from './snapshot-root.ts';
import { withCrtChecksum } from './crt-checksums.ts';
import { repeatedValues } from './repeated-values.ts';
import { bodyGenerator, isRepeated, type RepeatedBody, type SourceFile, type SourcePresign, type SourceProtocol, type SourceScenario, type SourceStep } from './source-types.ts';
import { isJsonText } from '../../emulator/core/json-text.ts';
import { literalParts } from '../replay/template.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CONTRACTS = join(ROOT, 'contracts');
const LOCALSTACK_COMMIT = '8b9a79f';
const ATTRIBUTION =
  'Expected responses: LocalStack test-suite snapshots recorded against real AWS (github.com/localstack/localstack, Apache License 2.0).';

type Snapshot = Record<string, { 'recorded-date': string; 'recorded-content': Record<string, Record<string, unknown>> }>;
type Validation = Record<string, { last_validated_date?: string }>;

interface SerializedRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  /** Text; bytes that are not UTF-8 (`$base64`); or a `repeated()` payload, made again at replay time. */
  body: string | { $base64: string } | RepeatedBody;
  /** `repeated()` values inside the body, serialized as `twinstack-repeat-<n>` (see repeated-values.ts). */
  repeats?: RepeatedBody[];
}

interface Variant {
  nodeId: string;
  protocol: SourceProtocol;
  /** The test's own pytest parameter (the node id's `[...]` without the protocol part), '' when none. */
  param: string;
  suffix: string;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function variantsOf(source: SourceFile, scenario: SourceScenario, snapshot: Snapshot): Variant[] {
  const base = `tests/aws/services/${scenario.recordedIn ?? `${source.testDir ?? source.snapshotDir}/${source.module}.py`}::${scenario.test}`;
  return Object.keys(snapshot)
    .filter((id) => id === base || id.startsWith(`${base}[`))
    .filter((id) => scenario.portsSkippedVariants || skippedVariant(source, id) === undefined)
    .map((nodeId) => {
      const param = parameterOf(nodeId);
      const key = protocolKey(source, param);
      return {
        nodeId,
        protocol: key === undefined ? source.defaultProtocol : source.variants[key],
        param: ownParameter(source, param),
        suffix: param === undefined ? '' : `.${param.replace(/[^a-z0-9_-]/gi, '_')}`,
      };
    })
    .filter((variant) => !Object.hasOwn(scenario.unportedVariants ?? {}, variant.param));
}

/** The protocol part of a node id's parameter: its first `-` part, or a variant key with dashes (`smithy-rpc-v2-cbor-...`). */
function protocolKey(source: SourceFile, param: string | undefined): string | undefined {
  return param === undefined ? undefined : Object.keys(source.variants).find((k) => param === k || param.startsWith(`${k}-`));
}

/** The test's own pytest parameter: the node id's parameter without its protocol part, '' when none. */
function ownParameter(source: SourceFile, param: string | undefined): string {
  const key = protocolKey(source, param);
  return key ? param!.slice(key.length + 1) : (param ?? '');
}

/**
 * A pytest node id's parameter: all between the first `[` (paths and test names have none) and the closing one, which
 * may hold brackets itself (`test_json_path_array_access[$.items[0]]`).
 */
function parameterOf(nodeId: string): string | undefined {
  const open = nodeId.indexOf('[');
  return open < 0 || !nodeId.endsWith(']') ? undefined : nodeId.slice(open + 1, -1);
}

const CURRENT_TESTS = 'tests/aws/services/';
const FORMER_TESTS = 'tests/integration/';
const SUPERSEDED = `an earlier recording under the test's former path (${FORMER_TESTS}) is superseded by this one`;

/** The node id a test had under its former path, before LocalStack moved its AWS tests to tests/aws/services/. */
function formerNodeId(nodeId: string): string {
  return nodeId.startsWith(CURRENT_TESTS) ? FORMER_TESTS + nodeId.slice(CURRENT_TESTS.length) : nodeId;
}

/**
 * Recordings left under a test's former path whose test was recorded again under its current one: the same test, so
 * neither a test of its own nor entries of its own (its row notes it).
 */
function supersededRecordings(nodeIds: string[]): Set<string> {
  const current = new Set(nodeIds.filter((id) => id.startsWith(CURRENT_TESTS)).map(formerNodeId));
  return new Set(nodeIds.filter((id) => id.startsWith(FORMER_TESTS) && current.has(id)));
}

/** Why a recorded variant is not ported (a wire protocol twinstack does not serve), by its parameter's prefix. */
function skippedVariant(source: SourceFile, nodeId: string): string | undefined {
  const param = parameterOf(nodeId);
  if (param === undefined) return undefined;
  return Object.entries(source.skippedVariants ?? {}).find(([prefix]) => param === prefix || param.startsWith(`${prefix}-`))?.[1];
}

function stepsOf(scenario: SourceScenario, variant: Variant): SourceStep[] {
  return typeof scenario.steps === 'function' ? scenario.steps(variant.param) : scenario.steps;
}

/**
 * The status of an error known by its code: the model's `httpStatusCode` (of the shape so named, or of the shape whose
 * wire code it is: `ChangeSetNotFound` is ChangeSetNotFoundException's), else 400 (client errors of AWS JSON and query APIs).
 */
function errorStatusOf(service: string): (code: string) => number {
  const model = loadModel(service);
  return (code) => (model.shapes[code] ?? Object.values(model.shapes).find((shape) => shape.error?.code === code))?.error?.httpStatusCode ?? 400;
}

function toIsoDate(recorded: string): string {
  const [date, time] = recorded.split(', ');
  const [dd, mm, yyyy] = date.split('-');
  return `${yyyy}-${mm}-${dd}T${time}Z`;
}

function hasTemplatedKey(value: JsonValue): boolean {
  if (Array.isArray(value)) return value.some(hasTemplatedKey);
  if (!value || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, item]) => key.includes('{{') || hasTemplatedKey(item));
}

/** The Pact view of an expected JSON success body: templated strings become whole-value regexes. */
function pactBody(expect: Expectation): { content: JsonValue; rules: PactMatchingRules } | undefined {
  // Pact cannot match a map key by pattern: a body with templated keys is judged through `expect` only.
  if (!expect.output || expect.select || hasTemplatedKey(expect.output)) return undefined;
  const body: Record<string, { combine: 'AND'; matchers: { match: 'regex' | 'type'; regex?: string }[] }> = {};
  const walk = (value: JsonValue, path: string): JsonValue => {
    const matcher = expect.matchers?.[path];
    if (matcher?.match === 'timestamp') body[path] = { combine: 'AND', matchers: [{ match: 'type' }] };
    if (typeof value === 'string' && value.includes('{{')) {
      const parts = literalParts(value);
      const regex = parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+');
      body[path] = { combine: 'AND', matchers: [{ match: 'regex', regex }] };
      return parts.join('x');
    }
    if (Array.isArray(value)) return value.map((v, i) => walk(v, `${path}[${i}]`));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, `${path}.${k}`)]));
    return value;
  };
  const content = walk(expect.output, '$');
  return { content, rules: Object.keys(body).length ? { body } : {} };
}

/**
 * The recorded value with the expanded placeholders put back (in keys and values alike), in one pass that prefers the
 * longest word, so a word inside another (`topic-name-1` in `updated-topic-name-1`) is not replaced twice.
 */
function expanded(value: unknown, words: Record<string, string> | undefined): unknown {
  if (value === undefined || !words || !Object.keys(words).length) return value;
  const escaped = new Map(Object.entries(words).map(([word, literal]) => [JSON.stringify(word).slice(1, -1), JSON.stringify(literal).slice(1, -1)]));
  const pattern = new RegExp([...escaped.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return JSON.parse(JSON.stringify(value).replace(pattern, (word) => escaped.get(word)!));
}

/** The source's expanded placeholders and the scenario's own (by the test's parameter). */
function wordsOf(source: SourceFile, scenario: SourceScenario, variant: Variant): Record<string, string> | undefined {
  const own = typeof scenario.expandedWords === 'function' ? scenario.expandedWords(variant.param) : scenario.expandedWords;
  return own ? { ...source.expandedWords, ...own } : source.expandedWords;
}

function interactionFor(
  source: SourceFile,
  words: Record<string, string> | undefined,
  step: SourceStep,
  gathererOf: (stepIndex: number) => number,
  variant: Variant,
  recorded: Snapshot[string]['recorded-content'],
  stepIndex: number,
  request: SerializedRequest,
  examples: ExampleTimes,
): ContractInteraction {
  const entry = step.snapshot !== undefined ? recorded[step.snapshot] : undefined;
  const within = step.within?.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], entry);
  const snapshotValue = expanded(step.within !== undefined ? within : entry, words);
  if (step.snapshot !== undefined && snapshotValue === undefined) throw new Error(`${variant.nodeId}: no snapshot key '${step.snapshot}'${step.within ? ` with '${step.within}'` : ''}`);
  const protocol = step.protocol ?? variant.protocol;
  // Smithy RPC v2 CBOR carries the AWS JSON document (and boto3 shows its responses the same way).
  const cbor = protocol === 'smithy-rpc-v2-cbor';
  const family = cbor ? 'json' : protocol;
  const service = step.service ?? source.service;
  const forms = { errorDigest: step.errorDigest, jsonStrings: step.jsonStrings, pythonBytes: step.pythonBytes, bytesText: step.bytesText, lines: step.lines, redactedText: source.redactedText, redactedWords: source.redactedWords, errorStatus: errorStatusOf(service) };
  const expect: Expectation =
    snapshotValue === undefined
      ? step.fails
        ? { failure: true }
        : {}
      : step.http || step.answer
        ? httpExpectation(step, snapshotValue, forms)
        : step.presign
          ? step.answer
            ? httpExpectation(step, snapshotValue, forms)
            : presignedExpectation(step.presign, snapshotValue, forms)
        : step.messageBodies
          ? receivedBodiesExpectation(snapshotValue, step.messageBodies, forms)
          : snapshotToExpectation(step.postForm ? parsedErrorAnswer(snapshotValue) : snapshotValue, family, forms);
  if (step.snapshotRegion) {
    if (!step.region) throw new Error(`${variant.nodeId}: snapshotRegion needs the step's region`);
    Object.assign(expect, JSON.parse(JSON.stringify(expect).replaceAll('{{region}}', step.region)) as Expectation);
  }
  if (step.status !== undefined) expect.status = step.status;
  if (step.select) expect.select = step.select;
  // A response recorded without its ResponseMetadata (LocalStack's 2022 snapshots) shows the call succeeded, not its
  // status: judged like a selected part that is the whole output.
  else if (expect.output !== undefined && expect.status === undefined && !expect.error) expect.select = '$';
  if (step.keyedBy) expect.keyedBy = step.keyedBy;
  if (step.unordered) expect.unordered = step.unordered;
  if (step.keep) expect.keep = step.keep;
  // An error's members are judged as its fields, not by path: one the test leaves unjudged (`$.Error.PartNumber`) is dropped.
  const fields = expect.error?.fields;
  const errorMember = (path: string) => /^\$\.Error\.\w+$/.test(path) && fields !== undefined;
  for (const path of (step.ignore ?? []).filter(errorMember)) delete fields![path.slice('$.Error.'.length)];
  const ignored = (step.ignore ?? []).filter((path) => !errorMember(path));
  if (ignored.length) expect.matchers = { ...expect.matchers, ...Object.fromEntries(ignored.map((path) => [path, { match: 'ignore' as const }])) };
  if (step.patterns) expect.matchers = { ...expect.matchers, ...Object.fromEntries(Object.entries(step.patterns).map(([path, regex]) => [path, { match: 'regex' as const, regex }])) };
  if (step.present) expect.matchers = { ...expect.matchers, ...Object.fromEntries(step.present.map((path) => [path, { match: 'present' as const }])) };
  // A presigned step's Pact request is what the test's client sent; botocore's serialization is what was signed.
  const presigned = step.presign ? presignedInteraction(step.presign, request) : undefined;
  if (presigned) request = presigned.sent;
  const isJson = protocol === 'json';
  const headers: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(cbor ? rpcV2Headers(request.headers) : request.headers)) {
    headers[k.toLowerCase()] = [k.toLowerCase() === 'content-type' && (isJson || cbor) ? 'application/json' : v];
  }
  const pact = isJson && !expect.error ? pactBody(expect) : undefined;
  const values = request.repeats && typeof request.body === 'string' ? repeatedValues(request.body, request.repeats, family) : undefined;
  if (values) request = { ...request, body: values.body };
  const times = isRepeated(request.body) ? { $: bodyGenerator(request.body) } : relativeTimeGenerators(typeof request.body === 'string' ? request.body : '', family, examples);
  const generators = values ? { ...times, ...values.generators } : times;
  const responseHeaders: Record<string, string[]> = {};
  if (expect.error && isJson && expect.error.type && source.service === 'sqs') {
    responseHeaders['x-amzn-query-error'] = [`${expect.error.code};${expect.error.type}`];
  }
  return {
    type: 'Synchronous/HTTP',
    key: `${variant.nodeId}#${stepIndex}`,
    description: `${stepIndex} ${step.op} (${step.http ? 'http' : step.postForm ? 'post form' : step.presign ? `presigned ${step.presign.version}` : protocol})${step.snapshot ? ` → ${step.snapshot}` : ''}`,
    pending: false,
    request: {
      method: request.method,
      // botocore percent-encodes URI labels: a template in one (`fn-{{suffix}}`) must stay a template.
      path: (cbor ? rpcV2Path(service, step.op) : request.path).replace(/%7B%7B(.*?)%7D%7D/gi, (_, name: string) => `{{${decodeURIComponent(name)}}}`),
      ...(Object.keys(request.query).length
        ? { query: Object.fromEntries(Object.entries(request.query).map(([k, v]) => [k, ([] as string[]).concat(v)])) }
        : {}),
      headers,
      ...(step.http || step.presign ? plainBody(request) : step.postForm ? {} : requestBody(family, request)),
      ...(generators ? { generators: { body: generators } } : {}),
    },
    response: {
      status: expect.status ?? (expect.failure ? 400 : 200),
      ...(Object.keys(responseHeaders).length ? { headers: responseHeaders } : {}),
      ...(pact ? { body: { content: pact.content, contentType: 'application/json', encoded: false as const }, matchingRules: pact.rules } : {}),
    },
    comments: {
      testname: variant.nodeId,
      twinstack: {
        step: stepIndex,
        service,
        operation: step.op,
        protocol,
        ...(step.http ? { url: step.http.url } : {}),
        ...(step.region ? { region: step.region } : {}),
        ...(step.unsigned ? { unsigned: true } : {}),
        ...(step.virtualHost ? { virtualHost: true } : {}),
        ...(step.credentials ? { credentials: step.credentials } : {}),
        ...(step.answer && !step.http ? { rawAnswer: true } : {}),
        ...(step.postForm ? { postForm: step.postForm } : {}),
        ...(presigned ? { presign: presigned.presign } : {}),
        // AWS answers a JSON-protocol request in the request's own JSON version (1.0 for SQS and DynamoDB, 1.1 for Kinesis).
        ...(isJson ? { requestContentType: request.headers['Content-Type'], responseContentType: request.headers['Content-Type'] } : {}),
        ...(cbor ? { requestContentType: 'application/cbor', responseContentType: 'application/cbor' } : {}),
        scoring: snapshotValue !== undefined,
        expect,
        ...(step.capture
          ? { captures: Object.entries(step.capture).map(([name, from]) => (typeof from === 'string' ? { name, from } : { name, ...from })) }
          : {}),
        ...(step.snapshot ? { source: { snapshotKey: step.snapshot } } : {}),
        ...(step.delaySeconds ? { delaySeconds: step.delaySeconds } : {}),
        ...(step.takesNow ? { takesNow: true } : {}),
        ...(step.until ? { until: step.until } : {}),
        ...(step.eachCollected ? { eachCollected: { step: gathererOf(stepIndex), as: step.eachCollected } } : {}),
        ...(step.view ? { view: step.view } : {}),
      },
    },
  };
}

/**
 * An `http` step's expectation (or a presigned step's whose answer the test snapshotted as HTTP): the HTTP answer the
 * test's recorded dict stands for (SourceStep.answer), its body judged as text, or as the JSON document the snapshot
 * stores decoded.
 */
function httpExpectation(step: SourceStep, recorded: unknown, forms: SnapshotForms): Expectation {
  if (!step.answer) throw new Error(`${step.op}: an http step with a snapshot needs an answer`);
  const { status, headers, absentHeaders, body, xml } = step.answer(recorded as never);
  const expect: Expectation =
    xml !== undefined
      ? snapshotToExpectation({ body: xml }, 'rest-json', forms)
      : body === undefined
        ? {}
        : snapshotToExpectation({ body }, 'rest-json', { ...forms, jsonStrings: ['$.body', ...(forms.jsonStrings ?? [])] });
  if (xml !== undefined) expect.matchers = { ...expect.matchers, '$.body': { match: 'xml' } };
  if (status !== undefined) expect.status = status;
  if (headers) expect.headers = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), placeholderTemplate(value)]));
  if (absentHeaders?.length) expect.absentHeaders = absentHeaders.map((name) => name.toLowerCase());
  return expect;
}

/**
 * An error answer a test parsed itself with xmltodict (`{Error: {...}}`), with the status it added as `StatusCode`:
 * in boto3's form, so that it is judged as the AWS error it is.
 */
function parsedErrorAnswer(recorded: unknown): unknown {
  const { StatusCode, ...rest } = recorded as { StatusCode?: number; Error?: unknown };
  if (!rest.Error) return recorded;
  return StatusCode === undefined ? rest : { ...rest, ResponseMetadata: { HTTPStatusCode: StatusCode } };
}

/** A POST form step's request: a POST to its bucket; the verifier builds the body. */
function formRequest(form: NonNullable<SourceStep['postForm']>): SerializedRequest {
  return { method: 'POST', path: `/${form.bucket}`, query: {}, headers: {}, body: '' };
}

/**
 * A presigned step's expectation: the answer's `<Error>` document as the test parsed it (xmltodict), or nothing but a
 * status; `StatusCode` when the test recorded it, else the status it asserted.
 */
function presignedExpectation(presign: SourcePresign, recorded: unknown, forms: SnapshotForms): Expectation {
  const { StatusCode, ...rest } = recorded as { StatusCode?: number };
  const expect: Expectation = Object.keys(rest).length ? snapshotToExpectation(rest, 'rest-xml', forms) : {};
  const status = StatusCode ?? presign.status;
  if (status === undefined) throw new Error('a presigned step whose snapshot lacks StatusCode needs the status the test asserted');
  return { ...expect, status };
}

/**
 * A presigned step: the signed request is botocore's serialization of the call; what is sent is the URL botocore makes
 * of it (its query, then the signature's parameters as `{{presigned:<name>}}`, v2 with the headers it copies into the
 * URL), as the test edited it, with the test's own headers and body.
 */
function presignedInteraction(presign: SourcePresign, signed: SerializedRequest): { presign: PresignedUrl; sent: SerializedRequest } {
  const query = { ...Object.fromEntries(Object.entries(signed.query).map(([k, v]) => [k, ([] as string[]).concat(v).join(',')])), ...presign.signedQuery };
  const headers = Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const expiresIn = presign.expiresIn ?? 3600;
  const auth: Record<string, string> =
    presign.version === 'v4'
      ? {
          'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
          'X-Amz-Credential': '{{presigned:X-Amz-Credential}}',
          'X-Amz-Date': '{{presigned:X-Amz-Date}}',
          'X-Amz-Expires': String(expiresIn),
          'X-Amz-SignedHeaders': '{{presigned:X-Amz-SignedHeaders}}',
          'X-Amz-Signature': '{{presigned:X-Amz-Signature}}',
        }
      : {
          AWSAccessKeyId: '{{presigned:AWSAccessKeyId}}',
          Signature: '{{presigned:Signature}}',
          ...Object.fromEntries(Object.entries(headers).filter(([k]) => k.startsWith('x-amz-') || k === 'content-md5' || k === 'content-type')),
          Expires: '{{presigned:Expires}}',
        };
  const url: Record<string, string> = { ...query, ...auth };
  const sentQuery = presign.query ? presign.query(url) : url;
  return {
    presign: {
      version: presign.version,
      expiresIn,
      ...(presign.signedSecondsAgo ? { signedSecondsAgo: presign.signedSecondsAgo } : {}),
      ...(presign.sameUrl ? { sameUrl: true } : {}),
      ...(presign.virtualHost ? { virtualHost: true } : {}),
      ...(Object.keys(query).length ? { query } : {}),
      ...(Object.keys(headers).length ? { headers } : {}),
      ...(presign.replace ? { replace: presign.replace } : {}),
    },
    sent: { method: signed.method, path: signed.path, query: sentQuery, headers: presign.headers ?? {}, body: presign.body ?? '' },
  };
}

/** The nearest step before `stepIndex` that gathers (`until.accumulate`: the one an `eachCollected` step follows). */
function gatheringStep(steps: SourceStep[]): (stepIndex: number) => number {
  return (stepIndex) => {
    for (let i = stepIndex - 1; i >= 0; i--) if (steps[i].until?.accumulate) return i;
    throw new Error(`step ${stepIndex} (${steps[stepIndex].op}): eachCollected without an earlier gathering step (until.accumulate)`);
  };
}

/** An `http` step's request as the test sent it (no AWS client serialized it). */
function plainRequest(http: NonNullable<SourceStep['http']>): SerializedRequest {
  const body = typeof http.body === 'object' ? { $base64: http.body.$blob } : (http.body ?? '');
  return { method: http.method, path: http.path ?? '/', query: http.query ?? {}, headers: http.headers ?? {}, body };
}

/** An `http` step's body: its bytes as the test sent them (a JSON body is not re-serialized). */
function plainBody(request: SerializedRequest): { body?: ContractInteraction['request']['body'] } {
  const contentType = request.headers['Content-Type'] ?? request.headers['content-type'] ?? 'application/octet-stream';
  if (typeof request.body === 'object' && '$base64' in request.body) return { body: { content: request.body.$base64, contentType, encoded: 'base64' } };
  if (typeof request.body !== 'string' || !request.body) return {};
  return { body: { content: request.body, contentType, encoded: false } };
}

/** The protocol botocore serializes a step in: Smithy RPC v2 CBOR steps as their AWS JSON document. */
function serializedAs(protocol: SourceProtocol): SourceProtocol {
  return protocol === 'smithy-rpc-v2-cbor' ? 'json' : protocol;
}

/** Smithy RPC v2 CBOR's path: the service shape's name (the model's target prefix) and the operation. */
function rpcV2Path(service: string, operation: string): string {
  return `/service/${loadModel(service).metadata.targetPrefix}/operation/${operation}`;
}

/** AWS JSON's request headers as a Smithy RPC v2 CBOR client sends them: no target, the protocol's own header. */
function rpcV2Headers(json: Record<string, string>): Record<string, string> {
  const headers = Object.fromEntries(Object.entries(json).filter(([k]) => k.toLowerCase() !== 'x-amz-target'));
  return { ...headers, 'Content-Type': 'application/cbor', Accept: 'application/cbor', 'smithy-protocol': 'rpc-v2-cbor' };
}

/** The Pact request body: a JSON document (AWS JSON, rest-json bodies), a form (query), or none (bodiless REST calls). */
/**
 * A captured value in a blob parameter (`CiphertextBlob: '{{blob}}'`): botocore base64-encodes the template's text, so
 * the encoded template is put back for the verifier to fill in with the captured (already base64) value.
 */
function blobTemplates(value: JsonValue): JsonValue {
  if (typeof value === 'string') {
    const decoded = /^[A-Za-z0-9+/]+=*$/.test(value) ? Buffer.from(value, 'base64').toString('utf8') : '';
    return /^\{\{[\w:-]+\}\}$/.test(decoded) ? decoded : value;
  }
  if (Array.isArray(value)) return value.map(blobTemplates);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, blobTemplates(v)]));
  return value;
}

function requestBody(protocol: SourceProtocol, request: SerializedRequest): { body?: ContractInteraction['request']['body'] } {
  const contentType = request.headers['Content-Type'] ?? (protocol === 'rest-xml' ? 'application/octet-stream' : 'application/json');
  // A generated body is stored empty (its generator makes it); bytes that are not text are stored base64.
  if (isRepeated(request.body)) return { body: { content: '', contentType, encoded: false } };
  if (typeof request.body !== 'string') return { body: { content: request.body.$base64, contentType, encoded: 'base64' } };
  if (protocol === 'json') return { body: { content: blobTemplates(JSON.parse(request.body || '{}') as JsonValue), contentType: 'application/json', encoded: false } };
  if (protocol === 'query') return { body: { content: request.body, contentType: 'application/x-www-form-urlencoded', encoded: false } };
  if (!request.body) return {};
  // An S3 object body is bytes whatever its declared type: only rest-json bodies are documents, except a blob payload
  // sent without a content type (API Gateway's ImportRestApi body), which may be any text.
  const document = protocol === 'rest-json' && contentType.startsWith('application/json') && (request.headers['Content-Type'] !== undefined || isJsonText(request.body));
  const content = document ? (JSON.parse(request.body) as JsonValue) : request.body;
  return { body: { content, contentType, encoded: false } };
}

interface PortingRow {
  service: string;
  test: string;
  status: 'ported' | 'not ported';
  entries: number;
  reason?: string;
}

async function main() {
  const sourceDir = join(CONTRACTS, '_sources');
  const rows: PortingRow[] = [];
  let written = 0;
  const totals = new Map<string, { entries: number; ported: number; snapshotTests: number }>();
  const cleared = new Set<string>();
  const writtenIds = new Set<string>();
  // A source file describes one test module, or several (an array) when they share fixtures.
  const sources: SourceFile[] = [];
  for (const name of readdirSync(sourceDir).filter((n) => n.endsWith('.ts')).sort()) {
    sources.push(...([] as SourceFile[]).concat((await import(join(sourceDir, name))).default as SourceFile | SourceFile[]));
  }
  const only = process.argv.slice(2);
  if (only.length) sources.splice(0, sources.length, ...sources.filter((s) => only.includes(s.service)));
  const claimsOn = (source: SourceFile) => sources.filter((other) => other.claims && other.snapshotDir === source.snapshotDir && other.module === source.module);
  for (const source of sources) {
    const snapshotFile = join(snapshotRoot(), source.snapshotDir, `${source.module}.snapshot.json`);
    // A source that claims tests reads only those; the module's other sources leave them to it.
    const claims = claimsOn(source).filter((other) => other !== source);
    const accounts = (nodeId: string) => {
      const test = nodeId.split('::').slice(1).join('::').replace(/\[.*$/, '');
      return source.claims ? source.claims(test) : !claims.some((other) => other.claims!(test));
    };
    const recordings = Object.entries(readJson<Snapshot>(snapshotFile)).filter(([nodeId]) => accounts(nodeId));
    const superseded = supersededRecordings(recordings.map(([nodeId]) => nodeId));
    const snapshot = Object.fromEntries(recordings.filter(([nodeId]) => !superseded.has(nodeId)));
    const validation = readJson<Validation>(snapshotFile.replace('.snapshot.json', '.validation.json'));
    const outDir = join(CONTRACTS, source.service);
    mkdirSync(outDir, { recursive: true });
    // Only generated files (named after their test) are replaced, once per service (several test modules may feed
    // one service); recorded contracts in the same folder stay.
    if (!cleared.has(source.service)) {
      for (const old of readdirSync(outDir)) if (old.startsWith('test_') && old.endsWith('.json')) rmSync(join(outDir, old));
      cleared.add(source.service);
    }
    const jobs: { scenario: SourceScenario; variant: Variant; steps: SourceStep[] }[] = [];
    const portedIds = new Set<string>();
    for (const scenario of source.scenarios) {
      const variants = variantsOf(source, scenario, snapshot);
      if (!variants.length) throw new Error(`${scenario.test}: not in ${snapshotFile}`);
      for (const variant of variants) {
        jobs.push({ scenario, variant, steps: stepsOf(scenario, variant) });
        portedIds.add(variant.nodeId);
      }
    }
    // Times relative to "now" get examples at the recording's time, found again in the serialized requests.
    const timed = jobs.flatMap(({ variant, steps }) => steps.map((s) => withExampleTimes(s.params, Date.parse(toIsoDate(snapshot[variant.nodeId]['recorded-date'])))));
    const allSteps = jobs.flatMap(({ variant, steps }) => steps.map((step) => ({ variant, step })));
    const requests = allSteps
      // A presigned request gets none of boto3's additions (as a test's own HTTP request): `plainHttp` with no headers.
      .map(({ variant, step: s }, i) => ({ service: s.service ?? source.service, protocol: serializedAs(s.protocol ?? variant.protocol), operation: s.op, ...(s.plainHttp || s.presign ? { plainHttp: s.plainHttp ?? {} } : {}), params: timed[i].params }))
      .filter((_, i) => !allSteps[i].step.http && !allSteps[i].step.postForm);
    for (const request of requests) request.params = await withCrtChecksum(request.operation, request.params);
    const botocore = (
      JSON.parse(execFileSync(pythonCommand(), [join(ROOT, 'verifier', 'port', 'serialize.py')], { input: JSON.stringify(requests), maxBuffer: 1 << 28 }).toString()) as SerializedRequest[]
    ).values();
    // Plain HTTP steps go as the test wrote them; the others as botocore serialized them, in order.
    const serialized = allSteps.map(({ step }) => (step.http ? plainRequest(step.http) : step.postForm ? formRequest(step.postForm) : botocore.next().value!));
    let cursor = 0;
    for (const { scenario, variant, steps } of jobs) {
      const entry = snapshot[variant.nodeId];
      const testName = scenario.fileName ?? scenario.test.split('::').pop()!;
      const named = `${source.service}/${source.idPrefix ?? ''}${testName}${variant.suffix}`;
      // Parameters that differ only in characters a file name cannot hold (`activity<name`, `activity>name`) would
      // overwrite each other's contract: the later ones get the parameter's digest too.
      const id = writtenIds.has(named) ? `${named}.${createHash('sha256').update(variant.param).digest('hex').slice(0, 8)}` : named;
      writtenIds.add(id);
      const contract: ContractFile = {
        consumer: { name: 'aws-sdk' },
        provider: { name: `aws-${source.service}` },
        interactions: steps.map((step, i) => interactionFor(source, wordsOf(source, scenario, variant), step, gatheringStep(steps), variant, entry['recorded-content'], i, serialized[cursor + i], timed[cursor + i].examples)),
        metadata: {
          pactSpecification: { version: '4.0' },
          twinstack: {
            formatVersion: 1,
            id,
            service: source.service,
            protocol: variant.protocol,
            ...(scenario.exclusive?.(variant.param) ? { exclusive: scenario.exclusive(variant.param) } : {}),
            description: scenario.note ?? `${scenario.test} reproduced from LocalStack's AWS-validated test`,
            provenance: {
              kind: 'aws-validated-snapshot',
              source: {
                repository: 'localstack/localstack',
                commit: LOCALSTACK_COMMIT,
                path: `tests/aws/services/${source.testDir ?? source.snapshotDir}/${source.module}.snapshot.json`,
                license: 'Apache-2.0',
                attribution: ATTRIBUTION,
              },
              testId: variant.nodeId,
              recordedDate: toIsoDate(entry['recorded-date']),
              ...(validation[variant.nodeId]?.last_validated_date ? { lastValidated: validation[variant.nodeId].last_validated_date } : {}),
            },
          },
        },
      };
      cursor += steps.length;
      writeFileSync(join(CONTRACTS, `${id}.json`), `${JSON.stringify(contract, null, 2)}\n`);
      written++;
    }
    const total = totals.get(source.service) ?? { entries: 0, ported: 0, snapshotTests: 0 };
    for (const [nodeId, entry] of Object.entries(snapshot)) {
      const entries = Object.keys(entry['recorded-content']).length;
      const test = nodeId.split('::').slice(1).join('::').replace(/\[.*$/, '');
      total.entries += entries;
      total.snapshotTests++;
      if (portedIds.has(nodeId)) {
        // Entries, not steps: several steps may each judge a part of one entry (see SourceStep.within).
        const usedKeys = new Set(jobs.find((j) => j.variant.nodeId === nodeId)!.steps.flatMap((s) => (s.snapshot ? [s.snapshot] : [])));
        const used = usedKeys.size;
        total.ported += used;
        const why = Object.entries(source.scenarios.find((s) => s.test === test)?.unreproduced ?? {}).filter(([key]) => Object.hasOwn(entry['recorded-content'], key));
        if (why.some(([key]) => usedKeys.has(key))) throw new Error(`${nodeId}: an entry marked unreproduced is judged`);
        const reason = why.length ? `: ${why.map(([key, text]) => `${key}: ${text}`).join('; ')}` : '';
        const notes = [...(used < entries ? [`${entries - used} of ${entries} entries not reproduced${reason}`] : []), ...(superseded.has(formerNodeId(nodeId)) ? [SUPERSEDED] : [])];
        rows.push({ service: source.service, test: nodeId, status: 'ported', entries: used, ...(notes.length ? { reason: notes.join('; ') } : {}) });
      } else {
        const { notPorted } = source;
        const scenario = source.scenarios.find((s) => s.test === test);
        const param = ownParameter(source, parameterOf(nodeId));
        const reason =
          skippedVariant(source, nodeId) ??
          (scenario?.unportedVariants && Object.hasOwn(scenario.unportedVariants, param) ? scenario.unportedVariants[param] : undefined) ??
          (typeof notPorted === 'function' ? notPorted(test) : (notPorted[test] ?? notPorted[test.split('::').pop()!])) ??
          source.notPortedOtherwise ??
          'not reproduced yet';
        rows.push({ service: source.service, test: nodeId, status: 'not ported', entries, reason: superseded.has(formerNodeId(nodeId)) ? `${reason}; ${SUPERSEDED}` : reason });
      }
    }
    totals.set(source.service, total);
  }
  writePorting(rows, totals, only);
  console.log(`wrote ${written} contracts`);
}

/**
 * Table rows in PORTING.md's order: with `only` services regenerated, the old file's rows of the other services stay
 * and each regenerated service's new rows take the place of its old ones.
 */
function mergedRows(oldLines: string[], fresh: Map<string, string[]>, only: string[]): string[] {
  if (!only.length) return [...fresh.values()].flat();
  const out: string[] = [];
  const placed = new Set<string>();
  for (const line of oldLines) {
    const service = /^\| ([a-z0-9-]+) \| /.exec(line)?.[1];
    if (!service || service === 'service') continue;
    if (!only.includes(service)) out.push(line);
    else if (!placed.has(service)) out.push(...(fresh.get(service) ?? []));
    placed.add(service);
  }
  for (const [service, lines] of fresh) if (!placed.has(service)) out.push(...lines);
  return out;
}

function writePorting(rows: PortingRow[], totals: Map<string, { entries: number; ported: number; snapshotTests: number }>, only: string[]) {
  const old = only.length ? readFileSync(join(CONTRACTS, 'PORTING.md'), 'utf8').split('\n') : [];
  const split = old.indexOf('## Per test');
  const summary = new Map<string, string[]>();
  for (const [service, t] of totals) {
    const portedTests = rows.filter((r) => r.service === service && r.status === 'ported').length;
    summary.set(service, [`| ${service} | ${t.snapshotTests} | ${t.entries} | ${t.ported} | ${portedTests} |`]);
  }
  const tests = new Map<string, string[]>();
  for (const r of rows) tests.set(r.service, [...(tests.get(r.service) ?? []), `| ${r.service} | \`${r.test.split('::').slice(1).join('::')}\` | ${r.status} | ${r.entries} | ${r.reason ?? ''} |`]);
  const lines = [
    '# Porting report (generated by `node --import tsx verifier/port/generate.ts`; do not edit)',
    '',
    ATTRIBUTION,
    `Snapshots from commit ${LOCALSTACK_COMMIT}; each contract's provenance names its test and dates.`,
    '',
    '| service | snapshot tests (with variants) | recorded entries | entries ported | tests ported |',
    '|---|---|---|---|---|',
    ...mergedRows(old.slice(0, split), summary, only),
    '',
    '## Per test',
    '',
    '| service | test | status | entries | note |',
    '|---|---|---|---|---|',
    ...mergedRows(old.slice(split), tests, only),
  ];
  writeFileSync(join(CONTRACTS, 'PORTING.md'), `${lines.join('\n')}\n`);
}

await main();
