import { Agent, request as httpRequest } from 'undici';
import { loadModel } from '../../emulator/models/load.ts';
import type { ServiceModel } from '../../emulator/models/types.ts';
import type { ContractFile, ContractInteraction, Expectation, InteractionMeta, JsonValue, PostForm, Until } from '../contract/types.ts';
import { parseResponse, type ParsedResponse } from '../model/parse-response.ts';
import { cborRequestBody, cborResponseDocument } from '../model/cbor-document.ts';
import { compareOutput, readPath, withValueAt, type Mismatch } from './compare.ts';
import { prepareRequest, signRequest, type Credentials, type PreparedRequest } from './request.ts';
import { answerView, type JudgedAnswer } from './answer-view.ts';
import { AWS_HOST, awsInvokeUrl } from './plain-url.ts';
import { postFormBody } from './post-form.ts';
import { presignedRequest, virtualHosted } from './presign.ts';
import { matchTemplate, render, UnboundVariable, type Vars } from './template.ts';

export interface Target {
  endpoint: string;
  region: string;
  credentials: Credentials;
  /** Known account id of the credentials; unknown: bound from the first response that shows it. */
  accountId?: string;
  /**
   * Moves the target's clock forward instead of waiting (twinstack's `/_twinstack/clock`): scenarios that wait for a
   * visibility timeout then take milliseconds.
   */
  advanceClock?: (seconds: number) => Promise<void>;
  /**
   * Reads the target's clock (epoch milliseconds): the "now" a scenario's relative times (`DateTime` generators) are
   * taken from. Absent: the verifier's own clock, which is AWS's to within clock skew.
   */
  readClock?: () => Promise<number>;
}

/** A clock mover for targets that have twinstack's clock route; undefined for others (they are waited for). */
export async function clockOf(endpoint: string): Promise<Target['advanceClock']> {
  return (await twinstackClockOf(endpoint)).advanceClock;
}

/** The mover and reader of a target's clock, for targets that have twinstack's clock route (none for others). */
export async function twinstackClockOf(endpoint: string): Promise<Pick<Target, 'advanceClock' | 'readClock'>> {
  const url = new URL('/_twinstack/clock', endpoint);
  try {
    if ((await fetch(url, { signal: AbortSignal.timeout(5000) })).status !== 200) return {};
  } catch {
    return {};
  }
  const call = async (init?: RequestInit) => {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(5000) });
    if (res.status !== 200) throw new Error(`the target's clock route answered ${res.status} ${await res.text()}`);
    return ((await res.json()) as { epochMs: number }).epochMs;
  };
  return {
    advanceClock: async (seconds) => void (await call({ method: 'POST', body: JSON.stringify({ advance: `${seconds}s` }) })),
    readClock: () => call(),
  };
}

export interface InteractionResult {
  scenario: string;
  step: number;
  description: string;
  service: string;
  operation: string;
  protocol: string;
  scoring: boolean;
  passed: boolean;
  mismatches: Mismatch[];
  status?: number;
  ms: number;
  /** The error code AWS answered, when the interaction is an error path. */
  expectedError?: string;
  /** For a failing interaction: what was sent and what came back (upstream issue drafts quote them). */
  exchange?: { request: { method: string; url: string; headers: Record<string, string>; body?: string }; response?: { status: number; body: string } };
}

const agents = new Map<string, Agent>();
function agentFor(origin: string): Agent {
  let agent = agents.get(origin);
  if (!agent) {
    agent = new Agent({ connections: 64, keepAliveTimeout: 10_000, headersTimeout: 60_000, bodyTimeout: 60_000 });
    agents.set(origin, agent);
  }
  return agent;
}

/** Closes the verifier's HTTP connection pools (call once at the end of a run). */
export async function closeConnections(): Promise<void> {
  await Promise.all([...agents.values()].map((a) => a.close()));
  agents.clear();
}

let suffixCounter = 0;
const runTag = Date.now().toString(36).slice(-5);

/** A fresh suffix per scenario run: lower-case letters and digits only, so it fits every AWS name pattern. */
export function freshSuffix(): string {
  return `${runTag}${(suffixCounter++).toString(36)}`;
}

export function builtinVars(target: Target): Vars {
  const url = new URL(target.endpoint);
  const vars: Vars = new Map([
    ['region', target.region],
    ['partition', target.region.startsWith('cn-') ? 'aws-cn' : target.region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws'],
    ['endpoint', target.endpoint.replace(/\/$/, '')],
    ['endpointHost', url.host],
    ['suffix', freshSuffix()],
  ]);
  if (target.accountId) vars.set('accountId', target.accountId);
  return vars;
}

function modelOf(service: string): ServiceModel | undefined {
  try {
    return loadModel(service);
  } catch {
    return undefined;
  }
}

function judge(expect: Expectation, actual: JudgedAnswer, vars: Vars): Mismatch[] {
  const mismatches: Mismatch[] = [];
  if (actual.unparseable) mismatches.push({ path: 'body', expected: 'a parseable response', actual: actual.unparseable });
  const statusOk = expect.status !== undefined ? actual.status === expect.status : expect.failure ? actual.status >= 400 : actual.status < 300 && actual.status >= 200;
  if (!statusOk) {
    mismatches.push({
      path: 'status',
      expected: expect.status ?? (expect.failure ? '4xx/5xx' : '2xx'),
      actual: actual.status,
      ...(actual.error ? { reason: `${actual.error.code}: ${actual.error.message ?? ''}` } : {}),
    });
  }
  if (expect.error) {
    const e = expect.error;
    const a = actual.error;
    if (!a) mismatches.push({ path: 'error.code', expected: e.code, actual: undefined, reason: 'no error returned' });
    else {
      if (a.code !== e.code) mismatches.push({ path: 'error.code', expected: e.code, actual: a.code });
      if (e.message !== undefined && !matchTemplate(e.message, a.message ?? '', vars)) mismatches.push({ path: 'error.message', expected: e.message, actual: a.message });
      if (e.type && a.type && a.type !== e.type) mismatches.push({ path: 'error.type', expected: e.type, actual: a.type });
      if (e.shapeName && a.shapeName !== undefined && a.shapeName !== e.shapeName) mismatches.push({ path: 'error.shapeName', expected: e.shapeName, actual: a.shapeName });
      for (const [name, value] of Object.entries(e.fields ?? {})) {
        const got = a.fields?.[name];
        if (got === undefined || !matchTemplate(value, got, vars)) mismatches.push({ path: `error.${name}`, expected: value, actual: got });
      }
      if (expect.output !== undefined) mismatches.push(...compareOutput(expect, actual.output, vars));
    }
  } else if (!actual.unparseable && !expect.failure && (actual.status < 300 || (!actual.error && expect.output !== undefined))) {
    // A failed answer with no AWS error in it is a plain HTTP one (InteractionMeta.url), whose body is judged too.
    mismatches.push(...compareOutput(expect, actual.output, vars));
  }
  for (const [name, value] of Object.entries(expect.headers ?? {})) {
    if (!matchTemplate(value, actual.headers[name] ?? '', vars)) mismatches.push({ path: `header:${name}`, expected: value, actual: actual.headers[name] });
  }
  for (const name of expect.absentHeaders ?? []) {
    if (actual.headers[name] !== undefined) mismatches.push({ path: `header:${name}`, expected: '(absent)', actual: actual.headers[name], reason: 'unexpected header' });
  }
  return mismatches;
}

/** A value as text in a template or regex: an object or list as its JSON text, anything else as a string. */
function textOf(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

function capture(interaction: ContractInteraction, actual: ParsedResponse, vars: Vars): Mismatch[] {
  const mismatches: Mismatch[] = [];
  for (const c of interaction.comments.twinstack.captures ?? []) {
    const raw = c.from.startsWith('header:') ? actual.headers[c.from.slice(7)] : readPath(actual.output, c.from);
    let value = raw === undefined || raw === null ? undefined : textOf(raw);
    if (value !== undefined && c.regex) value = new RegExp(c.regex).exec(value)?.[1];
    if (value === undefined) mismatches.push({ path: c.from, expected: `a value to capture as {{${c.name}}}`, actual: raw, reason: 'capture failed' });
    else vars.set(c.name, value);
  }
  return mismatches;
}

/** A request body as a report shows it: text, or the size of bytes (a base64-stored or generated body). */
function shownBody(body: string | Buffer): string {
  return typeof body === 'string' ? body : `<${body.length} bytes>`;
}

interface Sent {
  parsed: ParsedResponse;
  exchange: NonNullable<InteractionResult['exchange']>;
}

/** A plain HTTP interaction (InteractionMeta.url): sent unsigned, its answer read as status, headers and body text. */
async function sendPlain(interaction: ContractInteraction, target: Target, vars: Vars, now: number): Promise<Sent> {
  const base = new URL(render(interaction.comments.twinstack.url!, vars));
  const direct = AWS_HOST.test(base.hostname);
  const prepared = prepareRequest(interaction, direct ? base.origin : new URL(target.endpoint).origin, vars, now);
  // On AWS, an emulator's execute-api URL of an API is the API's own invoke URL.
  const invoke = !direct && AWS_HOST.test(new URL(target.endpoint).hostname) ? awsInvokeUrl(new URL(prepared.url.pathname + prepared.url.search, base.origin), target.region) : undefined;
  const sentTo = invoke ?? prepared.url;
  const headers = direct || invoke ? prepared.headers : { ...prepared.headers, host: base.host };
  const res = await httpRequest(sentTo, { method: prepared.method as 'POST', headers, body: prepared.body, dispatcher: agentFor(sentTo.origin) });
  const responseHeaders: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) responseHeaders[k] = Array.isArray(v) ? v.join(', ') : v;
  const body = await res.body.text();
  const url = (invoke ?? new URL(prepared.url.pathname + prepared.url.search, base.origin)).toString();
  return {
    parsed: { status: res.statusCode, headers: responseHeaders, output: { body } },
    exchange: { request: { method: prepared.method, url, headers: prepared.headers, ...(prepared.body ? { body: shownBody(prepared.body) } : {}) }, response: { status: res.statusCode, body } },
  };
}

/** The request with the POST form built and signed for the target in place of its (empty) body. */
function withPostForm(prepared: PreparedRequest, form: PostForm, vars: Vars, credentials: Credentials, region: string, nowMs: number): PreparedRequest {
  const { body, contentType } = postFormBody(form, vars, credentials, region, nowMs);
  return { ...prepared, headers: { ...prepared.headers, 'content-type': contentType }, body };
}

/**
 * A presigned-URL interaction (InteractionMeta.presign): the URL is signed now for the target and sent unsigned, its
 * answer parsed as the operation's. "Now" is real time, as for every signature: twinstack, too, dates signatures by
 * the real clock, not by its own moved one (a moved clock would otherwise put the URL in the future).
 */
async function sendPresigned(interaction: ContractInteraction, target: Target, vars: Vars, model: ServiceModel): Promise<Sent> {
  const meta = interaction.comments.twinstack;
  const prepared = await presignedRequest(interaction, target.endpoint, meta.region ?? target.region, credentialsOf(meta, target, vars), vars, Date.now());
  const headers = prepared.host ? { ...prepared.headers, host: prepared.host } : prepared.headers;
  const res = await httpRequest(prepared.url, { method: prepared.method as 'PUT', headers, body: prepared.body, dispatcher: agentFor(prepared.url.origin) });
  const responseHeaders: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) responseHeaders[k] = Array.isArray(v) ? v.join(', ') : v;
  const body = await res.body.text();
  return {
    parsed: parseResponse(model, meta.operation, meta.protocol, res.statusCode, responseHeaders, body),
    exchange: { request: { method: prepared.method, url: prepared.url.toString(), headers: prepared.headers, ...(prepared.body ? { body: shownBody(prepared.body) } : {}) }, response: { status: res.statusCode, body } },
  };
}

/** The credentials a call is signed with: its client's own (InteractionMeta.credentials), else the target's. */
function credentialsOf(meta: InteractionMeta, target: Target, vars: Vars): Credentials {
  const own = meta.credentials;
  if (!own) return target.credentials;
  return {
    accessKeyId: render(own.accessKeyId, vars),
    secretAccessKey: render(own.secretAccessKey, vars),
    ...(own.sessionToken !== undefined ? { sessionToken: render(own.sessionToken, vars) } : {}),
  };
}

/** The request of a virtual-hosted-style client (InteractionMeta.virtualHost): the bucket moved into the host name. */
function virtualHostOf(meta: InteractionMeta, prepared: PreparedRequest, endpoint: string): PreparedRequest {
  if (!meta.virtualHost) return prepared;
  const { url, host } = virtualHosted(prepared.url.pathname, new URL(endpoint));
  url.search = prepared.url.search;
  return { ...prepared, url, ...(host ? { host } : {}) };
}

async function send(interaction: ContractInteraction, target: Target, vars: Vars, model: ServiceModel, now: number): Promise<Sent> {
  const meta = interaction.comments.twinstack;
  if (meta.url !== undefined) return sendPlain(interaction, target, vars, now);
  if (meta.presign !== undefined) return sendPresigned(interaction, target, vars, model);
  const prepared = virtualHostOf(meta, prepareRequest(interaction, target.endpoint, vars, now), target.endpoint);
  const signingName = model.metadata.signingName ?? model.metadata.endpointPrefix;
  // Smithy RPC v2 CBOR: the stored AWS JSON document goes as CBOR; the answer is read back as its JSON document.
  const cbor = meta.protocol === 'smithy-rpc-v2-cbor';
  const region = meta.region ?? target.region;
  const credentials = credentialsOf(meta, target, vars);
  const wire = meta.postForm
    ? withPostForm(prepared, meta.postForm, vars, credentials, region, now)
    : cbor
      ? { ...prepared, body: cborRequestBody(model, meta.operation, String(prepared.body ?? '')) }
      : prepared;
  // A POST form carries its own signature; an anonymous client sends none.
  const headers = meta.postForm || meta.unsigned ? { ...wire.headers, host: prepared.host ?? prepared.url.host } : await signRequest(wire, signingName, region, credentials);
  const res = await httpRequest(prepared.url, {
    method: prepared.method as 'POST',
    headers,
    body: wire.body,
    dispatcher: agentFor(prepared.url.origin),
  });
  const responseHeaders: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) responseHeaders[k] = Array.isArray(v) ? v.join(', ') : v;
  let body: string;
  let unparseable: string | undefined;
  if (cbor && responseHeaders['smithy-protocol'] === 'rpc-v2-cbor') {
    const bytes = new Uint8Array(await res.body.arrayBuffer());
    try {
      body = cborResponseDocument(model, meta.operation, res.statusCode, bytes);
    } catch (error) {
      body = Buffer.from(bytes).toString('base64');
      unparseable = `CBOR body could not be decoded: ${(error as Error).message}`;
    }
  } else {
    body = await res.body.text();
    // A client treats a response without the protocol's header as malformed, whatever its body.
    if (cbor) unparseable = 'the response lacks the header smithy-protocol: rpc-v2-cbor';
  }
  const exchange = {
    request: {
      method: prepared.method,
      url: prepared.url.toString(),
      // What tells the operation apart; signatures and dates would only be noise in a report.
      headers: Object.fromEntries(Object.entries(prepared.headers).filter(([k]) => /^(content-type|x-amz-target|x-amz-(?!date|content-sha256|security-token))/i.test(k))),
      ...(prepared.body ? { body: shownBody(prepared.body) } : {}),
    },
    response: { status: res.statusCode, body },
  };
  // An answer the test read itself is judged as plain HTTP, not as the client's parse of it.
  if (meta.rawAnswer) return { parsed: { status: res.statusCode, headers: responseHeaders, output: { body } }, exchange };
  const parsed = parseResponse(model, meta.operation, cbor ? 'json' : meta.protocol, res.statusCode, responseHeaders, body);
  return { parsed: unparseable ? { ...parsed, unparseable } : parsed, exchange };
}

interface Judged extends Sent {
  /** What is judged: the answer, or its view (InteractionMeta.view), with the poll's gathered list when it accumulates. */
  judged: JudgedAnswer;
}

/** Whether a poll (InteractionMeta.until) has what it waits for; an error ends it as it ends a waiter, unless `whileError`. */
function pollDone(until: Until, answer: JudgedAnswer): boolean {
  if (answer.status >= 300) return answer.error?.code !== until.whileError;
  const value = readPath(answer.output, until.path);
  if (until.count !== undefined) return Array.isArray(value) && value.length >= until.count;
  return value !== undefined && value !== null && new RegExp(until.matches!).test(textOf(value));
}

/**
 * Sends the interaction; a polling step (`until`) again, every `intervalSeconds`, until its answer (or view) shows what
 * it waits for, or is an error it does not wait through. A gathering poll (`until.accumulate`) joins the lists at its
 * path, handing each item to `onItem` as it arrives, and its last answer is judged with the joined list there.
 */
async function sendUntil(interaction: ContractInteraction, target: Target, vars: Vars, model: ServiceModel, now: number, onItem: (item: JsonValue) => Promise<void>): Promise<Judged> {
  const { until, view } = interaction.comments.twinstack;
  const deadline = performance.now() + (until?.timeoutSeconds ?? 300) * 1000;
  const gathered: JsonValue[] = [];
  for (;;) {
    const sent = await send(interaction, target, vars, model, now);
    let judged: JudgedAnswer = view ? answerView(view, sent.parsed) : sent.parsed;
    if (until?.accumulate && judged.status < 300 && !judged.unparseable) {
      const items = readPath(judged.output, until.path);
      for (const item of Array.isArray(items) ? (items as JsonValue[]) : []) {
        gathered.push(item);
        await onItem(item);
      }
      judged = { ...judged, output: withValueAt(judged.output ?? {}, until.path, gathered) as JudgedAnswer['output'] };
    }
    if (!until || pollDone(until, judged) || performance.now() >= deadline) return { ...sent, judged };
    await new Promise((r) => setTimeout(r, (until.intervalSeconds ?? 1) * 1000));
  }
}

/** The variables an item of a gathered list gives its per-item interactions: `{{as}}`, and `{{as.Member}}` for each member. */
function itemVars(as: string, item: JsonValue): [string, string][] {
  const members = item !== null && typeof item === 'object' && !Array.isArray(item) ? Object.entries(item).map(([k, v]): [string, string] => [`${as}.${k}`, textOf(v)]) : [];
  return [[as, textOf(item)], ...members];
}

/** Replays one scenario in order against the target and judges every interaction. */
export async function runScenario(contract: ContractFile, target: Target, filter?: (i: ContractInteraction) => boolean): Promise<InteractionResult[]> {
  const scenario = contract.metadata.twinstack.id;
  const vars = builtinVars(target);
  // One "now" per scenario, as a test takes `utc_now` once and sends times relative to it.
  const relativeTimes = contract.interactions.some((i) => i.request.generators?.body);
  const readNow = async () => (relativeTimes && target.readClock ? target.readClock() : Date.now());
  let now = await readNow();
  const results: InteractionResult[] = [];
  const interactions = [...contract.interactions].sort((a, b) => a.comments.twinstack.step - b.comments.twinstack.step);
  // Per-item interactions run inside their gathering step; each is reported once, with the mismatches of all its runs.
  const perItem = interactions.filter((i) => i.comments.twinstack.eachCollected);
  for (const interaction of interactions) {
    const meta = interaction.comments.twinstack;
    if (meta.eachCollected) continue;
    const followUps = perItem.filter((i) => i.comments.twinstack.eachCollected!.step === meta.step).map((i) => ({ interaction: i, mismatches: [] as Mismatch[], ms: 0, runs: 0 }));
    const started = performance.now();
    // A POST form is signed when the test made it, before any wait (its policy may expire during it).
    const signedAt = meta.postForm ? await (target.readClock ? target.readClock() : Date.now()) : now;
    if (meta.delaySeconds) {
      if (target.advanceClock) await target.advanceClock(meta.delaySeconds);
      else await new Promise((r) => setTimeout(r, meta.delaySeconds! * 1000));
    }
    if (meta.takesNow) now = await readNow();
    let mismatches: Mismatch[];
    let status: number | undefined;
    let exchange: InteractionResult['exchange'];
    const model = modelOf(meta.service);
    try {
      if (!model) throw new Error(`no AWS model for service '${meta.service}'`);
      const onItem = async (item: JsonValue) => {
        for (const followUp of followUps) {
          const { as } = followUp.interaction.comments.twinstack.eachCollected!;
          const own = itemVars(as, item);
          for (const [name, value] of own) vars.set(name, value);
          const started = performance.now();
          const followMeta = followUp.interaction.comments.twinstack;
          try {
            const sent = await send(followUp.interaction, target, vars, modelOf(followMeta.service) ?? model, now);
            followUp.mismatches.push(...judge(followMeta.expect, sent.parsed, vars), ...capture(followUp.interaction, sent.parsed, vars));
          } catch (error) {
            followUp.mismatches.push({ path: 'request', expected: 'a response', actual: (error as Error).message, reason: 'request failed' });
          }
          followUp.ms += performance.now() - started;
          followUp.runs++;
          for (const [name] of own) vars.delete(name);
        }
      };
      const sent = await sendUntil(interaction, target, vars, model, meta.postForm ? signedAt : now, onItem);
      exchange = sent.exchange;
      status = sent.judged.status;
      mismatches = [...judge(meta.expect, sent.judged, vars), ...capture(interaction, sent.parsed, vars)];
    } catch (error) {
      const reason = error instanceof UnboundVariable ? 'an earlier step did not provide a value' : 'request failed';
      mismatches = [{ path: 'request', expected: 'a response', actual: (error as Error).message, reason }];
    }
    if (filter && !filter(interaction)) continue;
    results.push({
      scenario,
      step: meta.step,
      description: interaction.description,
      service: meta.service,
      operation: meta.operation,
      protocol: meta.protocol,
      scoring: meta.scoring,
      passed: mismatches.length === 0,
      mismatches,
      status,
      ms: performance.now() - started,
      ...(meta.expect.error ? { expectedError: meta.expect.error.code } : {}),
      ...(mismatches.length && exchange ? { exchange } : {}),
    });
    for (const followUp of followUps) {
      const followMeta = followUp.interaction.comments.twinstack;
      if (filter && !filter(followUp.interaction)) continue;
      results.push({
        scenario,
        step: followMeta.step,
        description: `${followUp.interaction.description} (×${followUp.runs})`,
        service: followMeta.service,
        operation: followMeta.operation,
        protocol: followMeta.protocol,
        scoring: followMeta.scoring,
        passed: followUp.mismatches.length === 0,
        mismatches: followUp.mismatches,
        ms: followUp.ms,
      });
    }
  }
  return results;
}
