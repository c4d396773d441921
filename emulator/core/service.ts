import type { ServiceModel } from '../models/types.ts';
import type { PrincipalPolicies } from './policy/index.ts';
import type { DeliveryTarget } from '../delivery/types.ts';
import type { InternalRequest } from '../server/http.ts';
import type { Emulator } from './emulator.ts';
import type { ServicePersistence } from '../persistence/types.ts';
import type { AwsError } from './errors.ts';
import type { RawRequest, RawResponse } from '../protocols/types.ts';

/** Who is making a request: a client's credentials, or an AWS service acting for a resource (SNS for a topic). */
export interface Caller {
  /** The account the caller acts in. */
  readonly accountId: string;
  /** The principal's ARN: the account root, an IAM user, an assumed role; for a service principal, the account root. */
  readonly arn: string;
  readonly accessKeyId?: string;
  /** Set when an AWS service acts on a resource's behalf: e.g. `sns.amazonaws.com`. */
  readonly servicePrincipal?: string;
  /**
   * The services that sent this request with the caller's own credentials, as IAM's `aws:CalledVia` lists them:
   * CloudFormation's engine sets `cloudformation.amazonaws.com` on the calls it makes for a stack.
   */
  readonly calledVia?: readonly string[];
  /** The resource a service acts for (`aws:SourceArn`), and its account (`aws:SourceAccount`). */
  readonly sourceArn?: string;
  readonly sourceAccount?: string;
}

/** What every operation receives besides its typed input. */
export interface RequestContext<State = unknown> {
  readonly service: string;
  readonly operation: string;
  readonly accountId: string;
  readonly region: string;
  readonly requestId: string;
  readonly accessKeyId?: string;
  /** Who is calling; resource policies and account walls are judged against it. */
  readonly caller: Caller;
  /**
   * The wire protocol the request arrived in (`internal` for calls from another service through `Emulator.call`);
   * services only read it where AWS itself differs by protocol.
   */
  readonly protocol: string;
  /** Base URL the client used (scheme://host[:port]), for URLs that AWS hands back, like SQS queue URLs. */
  readonly endpoint: string;
  /** Request path, still percent-encoded (SQS query requests may name their queue by posting to its URL). */
  readonly path: string;
  /** The client's IP address (IPv4 addresses without their IPv6 mapping), when the request came over the network. */
  readonly sourceIp?: string;
  /** Raw request headers (lower-case names); rarely needed by services. */
  readonly headers: Readonly<Record<string, string>>;
  /** This service's state for the request's account and region. */
  readonly state: State;
  /** The whole emulator, for cross-service integrations (SNS -> SQS, ...). */
  readonly emulator: Emulator;
}

// Handlers are keyed by operation name and typed with the @aws-sdk/client-* input/output types where they are defined.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Handler<State = any> = (input: any, ctx: RequestContext<State>) => unknown | Promise<unknown>;

/** How the generic model-driven input validation reports violations for a service. */
export type ValidationStyle =
  /** AWS's Coral framework message: "1 validation error detected: Value null at 'queueUrl' failed to ..." */
  | 'coral'
  /** The service validates on its own. */
  | 'none';

export interface ServiceDefinition<State = unknown> {
  /** Model file name and the name used in SERVICES / health output, e.g. `sqs`, `dynamodbstreams`. */
  readonly name: string;
  readonly model: ServiceModel;
  readonly handlers: Readonly<Record<string, Handler<State>>>;
  /**
   * Fresh state for one account and region (or one account, when `global`). `emulator` gives background work its
   * clock (`emulator.clock`) and `schedule`.
   */
  createState(accountId: string, region: string, emulator: Emulator): State;
  /** State shared by all regions of an account (IAM-like services). */
  readonly global?: boolean;
  /**
   * The `__type` of a JSON-protocol error for an error code: AWS qualifies it differently per service and per error
   * (`com.amazonaws.sqs#QueueDoesNotExist`, `com.amazon.coral.validate#ValidationException`, or bare). Default: bare.
   */
  jsonErrorType?(code: string): string;
  /**
   * Whether the service's AWS JSON answers carry `x-amz-crc32`, the CRC-32 of the body, which its SDKs check when
   * present (DynamoDB's). Other AWS JSON services send none (SQS's headers as recorded from AWS).
   */
  readonly responseCrc32?: boolean;
  readonly validation?: ValidationStyle;
  /**
   * The metric the service publishes a count of its client (4xx) errors to (DynamoDB's account-wide UserErrors): the
   * core records one for each error it answers for the service once the caller's account is known, whether the
   * service's handler threw it or the core raised it first (input validation, a malformed body). `except` lists the
   * error codes that count elsewhere (DynamoDB's ConditionalCheckFailedException).
   */
  readonly clientErrorMetric?: { readonly namespace: string; readonly metricName: string; readonly except?: readonly string[] };
  /** Unsigned requests to such paths are this service's when nothing else tells (SQS queue URLs: `/<account>/<queue>`). */
  readonly pathPattern?: RegExp;
  /**
   * Releases what one state holds outside itself (timers, pollers, waiting requests, credentials it registered) when
   * its emulator stops or the state is reset or replaced. Background work belongs to a state, never to the module, so
   * that several emulators in one process do not stop each other's.
   */
  disposeState?(state: State, emulator: Emulator): void | Promise<void>;
  /**
   * What other services may deliver to this one (SNS -> SQS, S3 -> SNS, EventBridge -> Lambda, ...), keyed by the
   * service part of the target ARN (`arnService`, default `name`). See `emulator/delivery/`.
   */
  readonly deliveryTarget?: DeliveryTarget;
  /** The service part of this service's ARNs when it differs from `name` (Step Functions: `states`). */
  readonly arnService?: string;
  /**
   * What persistence needs to save and restore this service's state (`--persist`, `/_twinstack/state`): the classes
   * and module-level functions the state holds, and how to re-arm a restored state. Plain data needs nothing.
   * See emulator/persistence/README.md.
   */
  readonly persistence?: ServicePersistence<State>;
  /**
   * HTTP-level behaviour outside the model's operations, for services whose clients are browsers too (S3's CORS
   * preflights, POST-policy uploads and website endpoints). `intercept` may answer a request before the protocol
   * routes it (undefined leaves it to the protocol); `decorate` may add headers to any response (CORS headers).
   */
  readonly http?: {
    intercept?(req: RawRequest, ctx: RequestContext<State>): RawResponse | undefined | Promise<RawResponse | undefined>;
    decorate?(req: RawRequest, response: RawResponse, ctx: RequestContext<State>): void;
    /** Requests whose body `intercept` reads as it arrives (`bodyStream`, up to `streamingPayload`): S3's POST uploads. */
    streamsRequest?(req: RawRequest): boolean;
    /**
     * Puts a request's path in the form the model routes, before anything reads it (S3 directory buckets' `//`; S3
     * Object Lambda hosts, which name an access point or a route rather than a bucket).
     */
    normalizePath?(path: string, req: RawRequest): string;
    /** The browser requests whose origins the service judges itself (all of them when absent); others get the emulator's check. */
    judgesOrigins?(req: RawRequest): boolean;
    /**
     * Requests AWS serves without a SigV4 signature, which strict signature checking lets through unsigned (API
     * Gateway invoke URLs, Lambda function URLs): the service's own auth (authorizers, AuthType) guards them.
     */
    servesUnsigned?(req: RawRequest): boolean;
    /**
     * Requests whose signature the service judges itself, where its configuration asks for one (API Gateway's
     * IAM-authorized methods, through `Emulator.signatureFailure`); strict signature checking leaves them alone, so
     * an `Authorization: Bearer` token reaches a JWT authorizer.
     */
    authenticatesItself?(req: RawRequest, emulator: Emulator): boolean;
    /** Requests nothing else routes (no signature, target, AWS host or action) that this service answers: API Gateway's custom domain names, by Host. */
    claims?(req: RawRequest, emulator: Emulator): boolean;
  };
  /**
   * Request size limits, enforced while the body arrives (nothing past the limit is read): `body` for buffered
   * requests (default 20 MiB), `streamingPayload` for operations with a streaming payload (default 5 GiB). `tooLarge`
   * is the service's own error for an oversized request (default: 413 `RequestEntityTooLarge`); it sees the request's
   * method, path and headers (the body is not read), and may leave a request to the default.
   */
  readonly requestLimits?: { readonly body?: number; readonly streamingPayload?: number; tooLarge?(limit: number, req: RawRequest): AwsError | undefined };
  /**
   * Routes outside AWS's APIs (`/_twinstack/<service>/...`): what a test reads back, files a client fetches. They
   * answer JSON, or `InternalText` for other content.
   */
  readonly internalRoutes?: Readonly<Record<string, (emulator: Emulator, request: InternalRequest) => unknown>>;
  /**
   * For the identity store (IAM): the policies that govern a principal of the state's account, which policy
   * enforcement evaluates for each request the principal makes. Undefined for principals the store does not know.
   */
  principalPolicies?(state: State, principalArn: string): PrincipalPolicies | undefined;
  /**
   * For the identity store (IAM): told of each request an IAM principal of the state's account makes while policies
   * are enforced, before it is judged (what service last accessed data, role last used and access key last used
   * report). Keep it cheap: it runs per request.
   */
  recordAccess?(state: State, access: PrincipalAccess): void;
  /**
   * For `--enforce-iam`: the resource-based policy that governs a request (an S3 bucket policy, an SQS queue policy, a
   * KMS key policy...), the account owning the resource and, where the request names it loosely (an alias, a name
   * without its ARN suffix), the resource's ARN as IAM evaluates it. Within the owner's account the policy takes part
   * in the decision: an explicit Deny in it wins, and an Allow naming the caller grants what the caller's identity
   * policies do not (AWS's same-account rule). Asked for every enforced request: keep it a lookup.
   */
  resourcePolicy?(input: Record<string, unknown>, ctx: RequestContext<State>): GoverningPolicy | undefined;
  /**
   * The resource policy must allow every request on a resource, in its own account too (KMS key policies): naming the
   * caller it grants alone; naming the account it delegates to the caller's identity policies; else nothing is allowed.
   */
  readonly resourcePolicyGates?: boolean;
  /**
   * For `--enforce-iam`: the IAM action a request is authorized as where the operation's name does not say it (S3's
   * `s3:GetObjectVersion` for a GetObject naming a version); `null` for a request whose items the service authorizes
   * one by one itself (S3's DeleteObjects, key by key). Without it, or for `undefined`, the model's naming applies.
   */
  iamAction?(operation: string, input: Record<string, unknown>): string | null | undefined;
  /** The service's own error for a request policy evaluation denies, where its protocol family's AccessDenied is not (SNS: AuthorizationError). */
  accessDenied?(message: string): AwsError;
}

/** One request of an IAM principal, as `ServiceDefinition.recordAccess` hears of it. */
export interface PrincipalAccess {
  principalArn: string;
  accessKeyId?: string;
  /** The IAM service prefix (`s3`) and the service's name (`Amazon Simple Storage Service`). */
  namespace: string;
  serviceName: string;
  /** The IAM action (`s3:GetObject`). */
  action: string;
  region: string;
  date: Date;
}

/** What `ServiceDefinition.resourcePolicy` answers. */
export interface GoverningPolicy {
  document?: string;
  ownerAccount: string;
  resource?: string;
  /** How AWS's AccessDenied message names the resource, where not by `resource` (Secrets Manager: the SecretId as given; '' for none). */
  shownAs?: string;
}
