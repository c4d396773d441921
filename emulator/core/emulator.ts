import type { CrossAccountMode } from './access.ts';
import { accountRootArn } from './arn.ts';
import { Clock, type ClockTimer } from './clock.ts';
import { authorizeRequest, type NamedAction } from './authorization.ts';
import { AwsError, CommonErrors } from './errors.ts';
import { accountOfUnknownKey, CredentialRegistry, type IssuedCredentials } from './credentials.ts';
import { recordExercised } from './exercised.ts';
import { requestId as newRequestId } from './request-id.ts';
import { recordMetric } from './service-metrics.ts';
import type { Caller, RequestContext, ServiceDefinition } from './service.ts';
import { StateStore } from './state.ts';
import {
  endpointOwner,
  findService,
  findServiceByPath,
  hostParts,
  indexServices,
  parseScope,
  type RoutableService,
  type ServiceEndpoints,
  type ServiceIndex,
} from '../gateway/route.ts';
import { routingEntry, routingEntryFor } from '../models/routing-index.ts';
import { answerUnserved, signingNameForTarget } from '../gateway/unserved.ts';
import { registerConfiguredCredentials, SignatureCheck, sigV4Failure, type ConfiguredCredentials, type Failure as SignatureFailure } from '../gateway/sigv4.ts';
import { protocolFor } from '../protocols/index.ts';
import { validateInput } from '../protocols/validate.ts';
import { ArrivedBody, RequestAborted, type IncomingBody, type Protocol, type RawRequest, type RawResponse } from '../protocols/types.ts';
import { deliver, deliverInBackground } from '../delivery/deliver.ts';
import type { DeliveryPayload, DeliverySource } from '../delivery/types.ts';

/** Accounts and regions whose root ARNs `Emulator.rootArn` keeps. */
const ROOT_ARNS_KEPT = 64;

/** Largest buffered request body when the service sets no limit of its own (AWS's JSON APIs stay far below it). */
const DEFAULT_BODY_LIMIT = 20 * 1024 * 1024;
/** Largest streamed payload when the service sets no limit (S3's single PUT limit). */
const DEFAULT_STREAMING_LIMIT = 5 * 1024 ** 3;
/**
 * A streamed payload whose declared length is at most this is taken whole if it has arrived with the request's head,
 * and handed over as an ArrivedBody, which the REST protocols give the operation without stream readers: an S3
 * PutObject of 1 KiB then runs no async generators (two, nested, each a turn of the microtask queue per step). Larger
 * payloads, and small ones still arriving, stream, their limit enforced as they arrive.
 */
const ARRIVED_BODY_BYTES = 64 * 1024;

function requestTooLarge(limit: number): AwsError {
  return new AwsError('RequestEntityTooLarge', `Request body is larger than the limit of ${limit} bytes`, { status: 413 });
}

function isForm(req: RawRequest): boolean {
  return req.headers['content-type']?.startsWith('application/x-www-form-urlencoded') ?? false;
}

const MAPPED_IPV4 = /^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/;

/** The client's address as `aws:SourceIp` compares it: an IPv4 client on a dual-stack socket as plain IPv4. */
function sourceIp(address: string | undefined): string | undefined {
  return address?.startsWith('::ffff:') ? address.replace(MAPPED_IPV4, '') : address;
}

/** One client error of a service that counts them (`ServiceDefinition.clientErrorMetric`), for the caller's account and region. */
function countClientError(emulator: Emulator, metric: NonNullable<ServiceDefinition['clientErrorMetric']>, accountId: string, region: string, code: string): void {
  if (metric.except?.includes(code)) return;
  recordMetric(emulator, { namespace: metric.namespace, accountId, region }, { MetricName: metric.metricName, Dimensions: [], Unit: 'Count', Value: 1 });
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as PromiseLike<unknown>).then === 'function';
}

function takeIncoming(req: RawRequest): IncomingBody {
  const incoming = req.incoming!;
  req.incoming = undefined;
  return incoming;
}

/** Reads a whole body before any service (and so its limit) is known; the 413 answer when it is too large. */
async function readBeforeRouting(req: RawRequest, requestId: string): Promise<RawResponse | undefined> {
  try {
    req.body = await takeIncoming(req).read(DEFAULT_BODY_LIMIT, () => requestTooLarge(DEFAULT_BODY_LIMIT));
    return undefined;
  } catch (error) {
    if (error instanceof AwsError) return plainError(error, requestId);
    throw error;
  }
}

/** An error before any service is known: AWS JSON's shape, which every SDK can at least report. */
function plainError(error: AwsError, requestId: string): RawResponse {
  return {
    status: error.status ?? 400,
    headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId },
    body: JSON.stringify({ __type: error.code, message: error.message }),
  };
}

/** What `route` tells the request log as it learns it. */
type Seen = Pick<FinishedRequest, 'service' | 'operation' | 'accountId' | 'region' | 'errorCode'>;

/** Where `route` writes when no one reads: shared by every request while the request log is off. */
const NOT_SEEN: Seen = { service: '', operation: '', accountId: '', region: '', errorCode: undefined };

/** Hands a request to the request log, its latency (holding its start time until now) made a duration. */
function reportFinished(seen: FinishedRequest, report: (request: FinishedRequest) => void): void {
  seen.latencyMs = Math.round((performance.now() - seen.latencyMs) * 10) / 10;
  report(seen);
}

/** An enabled service whose model and code load on its first request (or call, or delivery). */
export interface ServiceLoader {
  readonly name: string;
  load(): Promise<ServiceDefinition>;
  /** Services loaded first because this one's handlers use their state (DynamoDB Streams reads DynamoDB's tables). */
  readonly requires?: readonly string[];
  /** Host names and paths the service answers besides its model's API, routed to it before it loads. */
  readonly endpoints?: ServiceEndpoints;
}

export interface EmulatorOptions {
  /** Services given whole, or loaders (`emulator/services/index.ts`) that start-up does not run. */
  services: (ServiceDefinition | ServiceLoader)[];
  defaultRegion?: string;
  /** Access keys the emulator knows besides those STS issues (each acts as the root user of its account). */
  credentials?: ConfiguredCredentials[];
  /** Refuse requests without a valid SigV4 signature by a known key, as AWS does (off by default, like LocalStack). */
  strictSignatures?: boolean;
  /**
   * `enforce` (default, AWS's behaviour): a resource of one account is reached from another only where its resource
   * policy allows it. `open`: no account walls, for suites written against emulators that never enforced them.
   */
  crossAccount?: CrossAccountMode;
  /**
   * Authorise every request with the caller's IAM identity policies (needs the `iam` service), as AWS does; off by
   * default, like LocalStack's ENFORCE_IAM.
   */
  enforceIam?: boolean;
  /** The enabled service whose definition has `principalPolicies` (IAM); loaded on the first enforced request. */
  identityService?: string;
  /** Logs handler crashes; defaults to stderr. */
  onInternalError?: (error: unknown, service: string, operation: string) => void;
}

/**
 * Work around every operation, wherever it comes from (a client through `handle`, another service through `call`):
 * fault injection runs `before` (it may delay, throw an AwsError or drop the connection), persistence `after` (the
 * response waits for it, so what a client saw acknowledged is durable).
 */
export interface OperationHook {
  before?(ctx: RequestContext, input: object): void | Promise<void>;
  after?(ctx: RequestContext): void | Promise<void>;
  /** A service's state changed outside any operation (see `Emulator.changedInBackground`). */
  background?(service: string): void;
}

/** A client request once answered (or dropped: status 0), as the console's request log keeps it: no payloads, no keys. */
export interface FinishedRequest {
  service: string;
  operation: string;
  accountId: string;
  region: string;
  status: number;
  latencyMs: number;
  errorCode?: string;
  /** The request as routed (its body read, unless streamed) and the answer sent, when there was one. */
  request: RawRequest;
  response?: RawResponse;
}

/** Thrown by a hook to end a client's connection instead of answering: a reset, or no answer at all (a timeout). */
export class DroppedConnection extends Error {
  constructor(readonly how: 'reset' | 'timeout') {
    super(`twinstack dropped the connection (${how}) as a fault rule asked`);
  }
}

/**
 * The emulator without its HTTP server: routes a raw request to a service, decodes it with the service's protocol,
 * runs the operation against that account's and region's state, and encodes the result.
 */
export class Emulator {
  /** Services loaded so far; `serviceNames()` lists every enabled one. */
  readonly services = new Map<string, ServiceDefinition>();
  readonly clock = new Clock();
  readonly credentials = new CredentialRegistry(this.clock);
  readonly defaultRegion: string;
  readonly crossAccount: CrossAccountMode;
  /** Base URL clients reach this emulator at (set by the server once listening); used for URLs AWS hands back. */
  endpoint = 'http://localhost:4566';
  /** Hooks run around every operation, in order (see OperationHook). */
  readonly hooks: OperationHook[] = [];
  /** Told of every client request once answered (the console's request log); unset, requests cost nothing more. */
  onRequestFinished?: (request: FinishedRequest) => void;
  private readonly timers = new Set<ClockTimer>();
  private readonly rootArns = new Map<string, Map<string, string>>();
  /** The caller `callerOf` made last, and from what. */
  private lastCaller?: { known: IssuedCredentials | undefined; region: string; caller: Caller };
  private readonly states = new Map<string, StateStore<unknown>>();
  private readonly enabled: string[] = [];
  /** `enabled` for lookups: services ask on requests (is CloudWatch there to take a metric?). */
  private readonly enabledSet = new Set<string>();
  private readonly loaders = new Map<string, ServiceLoader>();
  private readonly loading = new Map<string, Promise<ServiceDefinition>>();
  private readonly index: ServiceIndex;
  private readonly onInternalError: NonNullable<EmulatorOptions['onInternalError']>;
  private readonly signatureCheck?: SignatureCheck;
  /** The service that stores principals' policies, when identity policies are enforced. */
  private readonly identityService?: string;

  constructor(options: EmulatorOptions) {
    const routable: RoutableService[] = [];
    for (const service of options.services) {
      this.enabled.push(service.name);
      this.enabledSet.add(service.name);
      if ('load' in service) {
        this.loaders.set(service.name, service);
        routable.push({ name: service.name, routing: routingEntryFor(service.name), endpoints: service.endpoints });
      } else {
        this.register(service);
        routable.push({ name: service.name, routing: routingEntry(service.model) });
      }
    }
    this.index = indexServices(routable);
    this.defaultRegion = options.defaultRegion ?? 'us-east-1';
    this.crossAccount = options.crossAccount ?? 'enforce';
    registerConfiguredCredentials(this.credentials, options.credentials ?? []);
    if (options.strictSignatures) this.signatureCheck = new SignatureCheck(this.credentials);
    if (options.enforceIam) this.identityService = options.identityService;
    this.onInternalError = options.onInternalError ?? ((error, s, o) => console.error(`[twinstack] ${s}.${o} failed:`, error));
  }

  /** State of a service for one account and region, e.g. for cross-service integrations. */
  state<State>(service: string, accountId: string, region: string): State {
    const store = this.states.get(service);
    if (!store) throw new Error(`service ${service} is not enabled`);
    return store.get(accountId, region) as State;
  }

  /** Every enabled service, loaded or not. */
  serviceNames(): string[] {
    return [...this.enabled];
  }

  /**
   * Whether a service is enabled (loaded or not): what a service asks before calling another one through `call`,
   * which loads it. `services` holds only the services loaded so far.
   */
  isEnabled(name: string): boolean {
    return this.enabledSet.has(name);
  }

  /** An enabled service, its model and code loaded on first use (with the services it requires); undefined if not enabled. */
  async loadService(name: string): Promise<ServiceDefinition | undefined> {
    const loaded = this.services.get(name);
    if (loaded) return loaded;
    const loader = this.loaders.get(name);
    if (!loader) return undefined;
    let loading = this.loading.get(name);
    if (!loading) {
      loading = (async () => {
        for (const required of loader.requires ?? []) await this.loadService(required);
        const service = await loader.load();
        this.register(service);
        return service;
      })();
      this.loading.set(name, loading);
    }
    return loading;
  }

  private async loadAll(): Promise<void> {
    await Promise.all(this.enabled.map((name) => this.loadService(name)));
  }

  private register(service: ServiceDefinition): void {
    this.services.set(service.name, service);
    this.states.set(service.name, new StateStore((a, r) => service.createState(a, r, this), service.global));
  }

  /** The service whose ARNs have this service part (`sqs`, `lambda`, `states`...), if enabled. */
  async serviceForArn(arnService: string): Promise<ServiceDefinition | undefined> {
    const owns = (service: ServiceDefinition) => (service.arnService ?? service.name) === arnService;
    for (const service of this.services.values()) if (owns(service)) return service;
    // Only a loaded definition knows its ARN service part, which is its name or its model's signing name (`states` of
    // Step Functions): the routing index names the candidates, and only they load.
    const candidates = [arnService, ...(this.index.bySigningName.get(arnService) ?? []).map((s) => s.name)];
    for (const name of candidates) {
      if (this.services.has(name)) continue;
      const service = await this.loadService(name);
      if (service && owns(service)) return service;
    }
    return undefined;
  }

  /**
   * Calls one operation of an enabled service from inside the emulator, the way a client would (same validation,
   * account walls and resource policies): what SNS uses to deliver to SQS, CloudFormation to create resources, Step
   * Functions for its service integrations. Resolves with the operation's typed output, or rejects with its AwsError.
   */
  async call<Output = unknown>(
    serviceName: string,
    operation: string,
    input: object,
    options: { caller: Caller; accountId?: string; region: string },
  ): Promise<Output> {
    const service = await this.loadService(serviceName);
    if (!service) throw new AwsError('ServiceNotEnabled', `service ${serviceName} is not enabled in this twinstack`, { status: 400 });
    const handler = Object.hasOwn(service.handlers, operation) ? service.handlers[operation] : undefined;
    if (!handler) throw CommonErrors.notImplemented(service.name, operation);
    const accountId = options.accountId ?? options.caller.accountId;
    try {
      return await this.callHandler<Output>(service, handler, operation, input, options, accountId);
    } catch (error) {
      if (error instanceof AwsError && error.sender && service.clientErrorMetric) countClientError(this, service.clientErrorMetric, accountId, options.region, error.code);
      throw error;
    }
  }

  private async callHandler<Output>(
    service: ServiceDefinition,
    handler: ServiceDefinition['handlers'][string],
    operation: string,
    input: object,
    options: { caller: Caller; region: string },
    accountId: string,
  ): Promise<Output> {
    if (service.validation === 'coral') validateInput(service.model, service.model.operations[operation].input, input);
    const ctx: RequestContext = {
      service: service.name,
      operation,
      accountId,
      region: options.region,
      requestId: newRequestId(),
      accessKeyId: options.caller.accessKeyId,
      caller: options.caller,
      protocol: 'internal',
      endpoint: this.endpoint,
      path: '/',
      headers: {},
      state: this.state(service.name, accountId, options.region),
      emulator: this,
    };
    await this.runBefore(ctx, input);
    const output = (await handler({ ...input }, ctx)) as Output;
    await this.runAfter(ctx);
    return output;
  }

  /**
   * The hooks' `before`, in order; a promise only once a hook returns one, so that a request whose hooks have nothing
   * to do (no fault rules) takes no extra turn of the event loop.
   */
  private runBefore(ctx: RequestContext, input: object, from = 0): Promise<void> | undefined {
    for (let i = from; i < this.hooks.length; i++) {
      const pending = this.hooks[i].before?.(ctx, input);
      if (pending) return pending.then(() => this.runBefore(ctx, input, i + 1));
    }
    return undefined;
  }

  /** The hooks' `after`, in order, as `runBefore`. */
  private runAfter(ctx: RequestContext, from = 0): Promise<void> | undefined {
    for (let i = from; i < this.hooks.length; i++) {
      const pending = this.hooks[i].after?.(ctx);
      if (pending) return pending.then(() => this.runAfter(ctx, i + 1));
    }
    return undefined;
  }

  /**
   * Tells the hooks that a service changed its state in the background (a timer fired, an execution ended), so that
   * persistence logs it now rather than with the service's next write.
   */
  changedInBackground(service: string): void {
    for (const hook of this.hooks) hook.background?.(service);
  }

  /** Service names whose state `reset` can clear. */
  private resettable(names?: string[]): string[] {
    const all = this.serviceNames();
    if (!names?.length) return all;
    const unknown = names.filter((n) => !all.includes(n));
    if (unknown.length) throw new RangeError(`service(s) not enabled: ${unknown.join(', ')} (enabled: ${all.join(', ')})`);
    return names;
  }

  /**
   * Forgets all state of the named services (default: every service), releasing what their states hold, as if the
   * emulator had just started. Returns the services reset.
   */
  async reset(services?: string[]): Promise<string[]> {
    const names = this.resettable(services);
    for (const name of names) {
      // A service not loaded yet has no state to forget.
      const store = this.states.get(name);
      if (!store) continue;
      await this.disposeStore(name, store);
      store.clear();
    }
    return names;
  }

  /** Every service's state store (persistence and state export read and restore them). */
  stores(): Iterable<[string, StateStore<unknown>]> {
    return this.states.entries();
  }

  private async disposeStore(name: string, store: StateStore<unknown>) {
    const service = this.services.get(name)!;
    if (!service.disposeState) return;
    for (const [, state] of store.entries()) await service.disposeState(state, this);
  }

  /** Delivers a payload to the resource an ARN names (see `emulator/delivery/`). */
  deliver(targetArn: string, payload: DeliveryPayload, source: DeliverySource): Promise<unknown> {
    return deliver(this, targetArn, payload, source);
  }

  /** Delivers in the background with retries, as SNS, S3 notifications and EventBridge do. */
  deliverInBackground(...args: Parameters<typeof deliverInBackground> extends [Emulator, ...infer Rest] ? Rest : never): void {
    deliverInBackground(this, ...args);
  }

  /**
   * Runs `task` once the emulator clock has moved `delayMs` on (advancing the clock fires it at once); pending tasks
   * are dropped when the emulator stops. Returns a function that cancels the task.
   */
  schedule(task: () => void, delayMs: number): () => void {
    const timer = this.clock.setTimeout(() => {
      this.timers.delete(timer);
      task();
    }, delayMs);
    this.timers.add(timer);
    return () => {
      timer.cancel();
      this.timers.delete(timer);
    };
  }

  /** Operations each service implements, against all operations in its AWS model (for parity reports); loads every service. */
  async introspect(): Promise<Record<string, { implemented: string[]; all: string[] }>> {
    await this.loadAll();
    const out: Record<string, { implemented: string[]; all: string[] }> = {};
    for (const [name, service] of this.services) {
      const all = Object.keys(service.model.operations).sort();
      out[name] = { implemented: all.filter((op) => service.handlers[op]), all };
    }
    return out;
  }

  /** Whether the request's service answers browsers by its own rules (`ServiceDefinition.http`: S3's bucket CORS). */
  async handlesBrowsersItself(req: RawRequest): Promise<boolean> {
    let name = findService(req, this.index, parseScope(req))?.name;
    if (!name) {
      await this.loadAll();
      name = findServiceByPath(req, this.index, this.services.values());
    }
    const service = name ? await this.loadService(name) : undefined;
    return Boolean(service?.http) && (service!.http!.judgesOrigins?.(req) ?? true);
  }

  /** Not an async function itself: one returning `route`'s promise would wrap it in a promise and two more turns. */
  handle(req: RawRequest, endpoint: string): Promise<RawResponse> {
    const report = this.onRequestFinished;
    return report ? this.handleReported(req, endpoint, report) : this.route(req, endpoint, NOT_SEEN);
  }

  /**
   * `handle` with the request reported once answered (the console's request log). One `then` on `route`'s promise
   * rather than an async function awaiting it: one promise a request fewer.
   */
  private handleReported(req: RawRequest, endpoint: string, report: (request: FinishedRequest) => void): Promise<RawResponse> {
    // Filled in by `route` as it learns each part, then handed over as it is: one object per request. Its latency
    // holds the start time until the answer.
    const seen: FinishedRequest = { service: '', operation: '', accountId: '', region: '', status: 0, latencyMs: performance.now(), errorCode: undefined, request: req, response: undefined };
    return this.route(req, endpoint, seen).then(
      (response) => {
        seen.response = response;
        seen.status = response.status;
        reportFinished(seen, report);
        return response;
      },
      (error: unknown) => {
        reportFinished(seen, report);
        throw error;
      },
    );
  }

  /** `handle`'s work; fills `seen` with what the request log shows as it learns it. */
  private async route(req: RawRequest, endpoint: string, seen: Seen): Promise<RawResponse> {
    const requestId = newRequestId();
    const scope = parseScope(req);
    if (req.incoming && !scope && !req.headers['x-amz-target'] && isForm(req)) {
      // An unsigned query-protocol request names its service only by the Action in its body.
      const refused = await readBeforeRouting(req, requestId);
      if (refused) return refused;
    }
    seen.service = scope?.service ?? '';
    if (scope && !this.index.bySigningName.has(scope.service) && !endpointOwner(req, this.index)) return this.unserved(req, scope.service, requestId);
    let routed = findService(req, this.index, scope)?.name;
    if (!routed) {
      // An unsigned AWS JSON request no served service claims: never one for a service routed by path.
      const target = req.headers['x-amz-target'];
      if (target) return this.unserved(req, signingNameForTarget(target), requestId);
      // Path claims are made by service code: every service is loaded (once) for requests that say nothing else.
      await this.loadAll();
      routed = [...this.services.values()].find((s) => s.http?.claims?.(req, this))?.name ?? findServiceByPath(req, this.index, this.services.values());
    }
    const service = routed && (this.services.get(routed) ?? (await this.loadService(routed)));
    if (!service) return plainError(new AwsError('UnknownService', 'twinstack could not tell which AWS service this request is for', { status: 400 }), requestId);
    if (service.http?.normalizePath) req.path = service.http.normalizePath(req.path, req);
    const protocol = protocolFor(service.model, req);
    let operation = '';
    // One context object per request: its operation is filled in once parsed, not copied into a second object.
    let ctx: { -readonly [K in keyof RequestContext]: RequestContext[K] } | undefined;
    try {
      const preparing = protocol.prepare?.();
      if (preparing) await preparing;
      const receiving = req.incoming && this.receiveBody(req, service, protocol);
      if (receiving) req.body = await receiving;
      if (this.signatureCheck && !service.http?.authenticatesItself?.(req, this)) {
        const denied = await this.signatureCheck.deny(req, service, protocol, requestId);
        if (denied) return denied;
      }
      const accessKeyId = scope?.accessKeyId;
      // One look-up of the key serves both the account and the caller.
      const known = this.credentials.lookup(accessKeyId);
      const accountId = known ? known.accountId : accountOfUnknownKey(accessKeyId);
      const region = scope?.region || hostParts(req.headers['host']).region || this.defaultRegion;
      ctx = {
        service: service.name,
        operation,
        accountId,
        region,
        requestId,
        accessKeyId,
        caller: this.callerOf(known, accountId, region, accessKeyId),
        protocol: protocol.name,
        endpoint,
        path: req.path,
        sourceIp: sourceIp(req.remoteAddress),
        headers: req.headers,
        state: this.state(service.name, accountId, region),
        emulator: this,
      };
      seen.service = service.name;
      seen.accountId = accountId;
      seen.region = region;
      if (service.http?.intercept) {
        // Awaited only when it is a promise: an intercept that lets the request through costs no microtask.
        let intercepted = service.http.intercept(req, ctx);
        if (intercepted instanceof Promise) intercepted = await intercepted;
        if (intercepted) return intercepted;
      }
      const parsed = protocol.parse(req, service.model);
      operation = parsed.operation;
      seen.operation = operation;
      ctx.operation = operation;
      const handler = Object.hasOwn(service.handlers, operation) ? service.handlers[operation] : undefined;
      if (!handler) throw CommonErrors.notImplemented(service.name, operation);
      recordExercised(service.name, operation);
      if (service.validation === 'coral') validateInput(service.model, service.model.operations[operation].input, parsed.input);
      if (this.identityService) await this.authorize(ctx, service, parsed.input);
      const before = this.runBefore(ctx, parsed.input);
      if (before) await before;
      // Most handlers answer synchronously: awaiting a plain value would still cost a turn of the microtask queue.
      let output = handler(parsed.input, ctx);
      if (isThenable(output)) output = await output;
      const after = this.runAfter(ctx);
      if (after) await after;
      const response = protocol.serialize(operation, output, service.model, requestId, service);
      service.http?.decorate?.(req, response, ctx);
      return response;
    } catch (error) {
      if (error instanceof DroppedConnection || error instanceof RequestAborted) throw error;
      seen.errorCode = error instanceof AwsError ? error.code : 'InternalFailure';
      if (error instanceof AwsError) {
        if (ctx && error.sender && service.clientErrorMetric) countClientError(this, service.clientErrorMetric, ctx.accountId, ctx.region, error.code);
        const response = protocol.serializeError(error, service.model, service, requestId);
        if (ctx) service.http?.decorate?.(req, response, ctx);
        return response;
      }
      this.onInternalError(error, service.name, operation);
      return protocol.serializeError(CommonErrors.internal(), service.model, service, requestId);
    }
  }

  /** A request for a service twinstack does not serve: its 501 (see gateway/unserved.ts) once the body is read. */
  private async unserved(req: RawRequest, signingName: string, requestId: string): Promise<RawResponse> {
    const refused = req.incoming && (await readBeforeRouting(req, requestId));
    return refused || answerUnserved(req, signingName, requestId);
  }

  /**
   * Reads the body the server left on the wire, within the service's limits: whole (the promise of it, which the caller
   * awaits: no async layer of its own), or as a stream (`req.bodyStream`, and undefined) for an operation with a
   * streaming payload. Strict signature checks need the hash of a payload whose hash the client did not send.
   */
  private receiveBody(req: RawRequest, service: ServiceDefinition, protocol: Protocol): Promise<Buffer> | undefined {
    const incoming = takeIncoming(req);
    const limits = service.requestLimits;
    const tooLarge = (limit: number) => () => limits?.tooLarge?.(limit, req) ?? requestTooLarge(limit);
    const serviceStreams = service.http?.streamsRequest?.(req) ?? false;
    if (!serviceStreams && !protocol.streamsPayload?.(req, service.model)) {
      const limit = limits?.body ?? DEFAULT_BODY_LIMIT;
      return incoming.read(limit, tooLarge(limit));
    }
    const limit = limits?.streamingPayload ?? DEFAULT_STREAMING_LIMIT;
    // A body the service reads itself is signed inside it (S3's POST policy), not by a payload hash.
    if (this.signatureCheck && !serviceStreams && req.headers['x-amz-content-sha256'] === undefined) {
      return incoming.read(limit, tooLarge(limit)).then((body) => {
        req.bodyStream = new ArrivedBody(body);
        return body;
      });
    }
    const declared = incoming.declaredLength;
    if (declared !== undefined && declared <= Math.min(ARRIVED_BODY_BYTES, limit)) {
      // The body stays empty, as for any streamed payload.
      const empty = req.body;
      return incoming.takeArrived(limit, tooLarge(limit)).then((body) => {
        req.bodyStream = body ? new ArrivedBody(body) : incoming.stream(limit, tooLarge(limit));
        return empty;
      });
    }
    req.bodyStream = incoming.stream(limit, tooLarge(limit));
    return undefined;
  }

  private async authorize(ctx: RequestContext, service: ServiceDefinition, input: Record<string, unknown>): Promise<void> {
    const store = await this.loadService(this.identityService!);
    if (store?.principalPolicies) authorizeRequest(ctx, service, input, store);
  }

  /**
   * Identity-policy enforcement (`--enforce-iam`) of an action no model operation names, for services that authorize
   * requests to resources of their own (API Gateway's `execute-api:Invoke` on an IAM-authorized route): throws the
   * service's AccessDenied; allows everything without enforcement, as every operation is then.
   */
  async authorizeAction(ctx: RequestContext, action: string, resource: string, options: Pick<NamedAction, 'governing' | 'anonymous'> = {}): Promise<void> {
    if (!this.identityService) return;
    const store = await this.loadService(this.identityService);
    const service = this.services.get(ctx.service);
    if (store?.principalPolicies && service) authorizeRequest(ctx, service, {}, store, { action, resource, ...options });
  }

  /**
   * What is wrong with a request's SigV4 signature, for a service that judges some requests' signatures itself
   * (`http.authenticatesItself`): verified only in strict signature mode, as every other request's is.
   */
  async signatureFailure(req: RawRequest): Promise<{ kind: SignatureFailure; message: string } | undefined> {
    return this.signatureCheck ? sigV4Failure(req, this.credentials, Date.now()) : undefined;
  }

  /** Whether identity and resource policies are enforced (`--enforce-iam`): services judging their own resources' policies ask. */
  get enforcesIam(): boolean {
    return this.identityService !== undefined;
  }

  /** Whether requests must be signed (`--strict-signatures`): services that serve anonymous callers (S3) then tell them apart. */
  get verifiesSignatures(): boolean {
    return this.signatureCheck !== undefined;
  }

  /**
   * The caller of a client request: the identity of its known credentials, else its account's root user in the
   * region's partition. The last one made is handed out again while requests come with the same key (a client signs
   * every request with one), rather than one object a request.
   */
  private callerOf(known: IssuedCredentials | undefined, accountId: string, region: string, accessKeyId: string | undefined): Caller {
    const last = this.lastCaller;
    if (last && last.known === known && last.caller.accessKeyId === accessKeyId && last.caller.accountId === accountId && (known || last.region === region)) return last.caller;
    const caller: Caller = Object.freeze({ accountId, arn: known?.arn ?? this.rootArn(accountId, region), accessKeyId });
    this.lastCaller = { known, region, caller };
    return caller;
  }

  /**
   * An account's root user ARN in a region's partition, built once per account and region rather than per request
   * (up to ROOT_ARNS_KEPT of each: clients choose both, so the cache must not grow with what they send).
   */
  private rootArn(accountId: string, region: string): string {
    let byAccount = this.rootArns.get(region);
    if (!byAccount && this.rootArns.size < ROOT_ARNS_KEPT) this.rootArns.set(region, (byAccount = new Map()));
    let arn = byAccount?.get(accountId);
    if (arn === undefined) {
      arn = accountRootArn(accountId, region);
      if (byAccount && byAccount.size < ROOT_ARNS_KEPT) byAccount.set(accountId, arn);
    }
    return arn;
  }

  async stop() {
    for (const timer of this.timers) timer.cancel();
    this.timers.clear();
    for (const [name, store] of this.states) await this.disposeStore(name, store);
  }
}
