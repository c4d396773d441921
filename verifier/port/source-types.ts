import type { AnswerView, PostForm, RepeatedTextGenerator, Until } from '../contract/types.ts';
import { repeatedText } from '../replay/generated-body.ts';

/**
 * The wire protocols sources are ported in (botocore's serializers): AWS JSON, query, rest-xml (S3) and rest-json, and
 * Smithy RPC v2 CBOR, whose requests are serialized as the AWS JSON document the verifier encodes as CBOR.
 */
export type SourceProtocol = 'json' | 'query' | 'rest-xml' | 'rest-json' | 'smithy-rpc-v2-cbor';

/** How `contracts/_sources/*.ts` describe a LocalStack AWS-validated test as a scenario (requests only, no expectations). */
export interface SourceStep {
  /** The twinstack service of this call when it is not the file's (a DynamoDB test reading DynamoDB Streams). */
  service?: string;
  op: string;
  params: Record<string, unknown>;
  /** Snapshot key whose recorded AWS response this call returned; absent: a setup step (not scoring). */
  snapshot?: string;
  /** The call failed on AWS but its response was not recorded (the test expected a ClientError). */
  fails?: boolean;
  /** Variables taken from this step's parsed response: name -> JSONPath, or a JSONPath and a regex whose group 1 is kept. */
  capture?: Record<string, string | { from: string; regex: string }>;
  /** The test sent this call through a client of this protocol whatever the variant (e.g. fixtures create queues over JSON). */
  protocol?: SourceProtocol;
  /** Paths (as in the snapshot value; `[*]` for every element) of JSON documents sent as strings, which the snapshot stores decoded. */
  jsonStrings?: string[];
  /** Paths of blobs the snapshot stores as Python's `repr()` of the bytes (`b'...'`). */
  pythonBytes?: string[];
  /**
   * Paths of a streamed body (S3 GetObject's `Body`) the test read to bytes, which the snapshot stores as their
   * `repr()`: the verifier reads such a body as UTF-8 text, so the bytes are expected as their UTF-8 decoding.
   */
  bytesText?: string[];
  /**
   * The snapshot holds what the test took out of this ReceiveMessage's messages, not the response: their JSON bodies
   * (`{messages: [...]}`, a list, or one body), judged against the received messages in any order. `records`: each
   * body is an S3 event message (`{"Records": [record]}`, one record per message) and the snapshot holds the records;
   * `bodyJson`: members of a body holding JSON text that the snapshot stores decoded (an SNS notification's `Message`).
   */
  messageBodies?: { records?: boolean; bodyJson?: string[] };
  /** Paths of text the test snapshotted split into `{line00, line01, ...}` (API Gateway's execution log). */
  lines?: string[];
  /** The snapshot holds only this part of the response (e.g. `$.Messages[0]`). */
  select?: string;
  /** The snapshot holds the list at `select` as an object: each member's `key` field names its `value` field (see Expectation.keyedBy). */
  keyedBy?: { key: string; value: string };
  /** Lists whose order AWS does not define. */
  unordered?: string[];
  /** The test cut the account-wide list at `select` to its own items (see Expectation.keep). */
  keep?: { member: string; values: string[] };
  /**
   * The member of the recorded value that holds this call's response, when the test recorded it inside a wrapper of
   * its fixture (LocalStack's create_lambda_function answers `{CreateFunctionResponse, CreateEventSourceMappingResponse}`);
   * a dotted path (`3.output`) reaches into a value the test built from several calls.
   */
  within?: string;
  /** Response members the test left out of what it snapshotted (it recorded a value it built from the response). */
  ignore?: string[];
  /** Members the test redacted whole (an object replaced by a word such as `<expiration>`): judged present only. */
  present?: string[];
  /**
   * Values AWS makes anew on every call, so that no replay can give the recorded one (an SSE-C object's ETag comes from
   * its randomly encrypted form): judged by form, a whole-value regex by path.
   */
  patterns?: Record<string, string>;
  /**
   * The test sent this call with its own signed HTTP client (aws_http_client_factory), not through boto3: no SDK
   * checksum is added, and these headers go as the test set them (botocore still builds the path from the params).
   */
  plainHttp?: Record<string, string>;
  /**
   * Not an AWS API call but a plain HTTP request the test sent itself (`requests.post`), to `url`: a template for a URL
   * an earlier step captured (a Lambda function URL), with `path` and `query` resolved against it; `op` names the call
   * in reports. Sent unsigned; its answer is judged as HTTP (see `answer`). A body that is not UTF-8 text (gzip bytes)
   * is given as `{ $blob: base64 }` and sent as its bytes.
   */
  http?: { url: string; method: string; path?: string; query?: Record<string, string>; headers?: Record<string, string>; body?: string | { $blob: string } };
  /**
   * The test presigned this call (botocore's `generate_presigned_url`: `op` and `params` make the signed request) and
   * sent the URL with its own HTTP client; the contract gets `InteractionMeta.presign` and the request as sent.
   */
  presign?: SourcePresign;
  /**
   * The recorded value of an `http` step (or a `presign` one whose answer's headers the test snapshotted) as the HTTP
   * answer it stands for (tests snapshot a dict they build from the
   * response): its status, the headers it names, the headers its recorded answer lacked (`absentHeaders`), and the
   * body text (a JSON body the snapshot stores decoded), or `xml`: the body as the test's xmltodict parse of it. On a
   * signed call or a POST form, the test read the answer itself (a raw signed GET, a 201 PostResponse): it is judged as
   * HTTP too (InteractionMeta.rawAnswer).
   */
  answer?: (recorded: never) => { status?: number; headers?: Record<string, string>; absentHeaders?: string[]; body?: unknown; xml?: unknown };
  /** The region of the client the test made this call with, when it is not the run's (see InteractionMeta.region). */
  region?: string;
  /**
   * The snapshot's `<region>` in this step's answer is the step's own `region` (a test that called several regions and
   * redacted each to the same word): expected as that region, not the run's.
   */
  snapshotRegion?: boolean;
  /** The call went through an anonymous client (botocore's `UNSIGNED`): sent with no signature. */
  unsigned?: boolean;
  /** The call went through a client configured for virtual-hosted-style addressing (see InteractionMeta.virtualHost). */
  virtualHost?: boolean;
  /** The client's own credentials, templates of earlier captures (an assumed role's): see InteractionMeta.credentials. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /**
   * Not an API call but a browser POST form the test posted itself (`generate_presigned_post` then `requests.post`):
   * built and signed at replay time (see InteractionMeta.postForm); `op` names the operation whose answer it gets
   * (`PutObject`). Its snapshot is the `xmltodict` parse of an error answer, with the test's `StatusCode` if it kept it.
   */
  postForm?: PostForm;
  /** The status the test asserted for this call where its snapshot kept none (`assert response.status_code == 400`). */
  status?: number;
  /** Seconds to wait before this call (AWS timing the test relies on). */
  delaySeconds?: number;
  /** The test read the clock afresh for this call's `now()` times (`datetime.now()` inline) rather than reusing `utc_now`. */
  takesNow?: boolean;
  /**
   * A waiter's polling: the call is repeated until the value at `path` matches `matches` or holds `count` elements; with
   * `accumulate`, a polling helper's gathering, until the lists at `path` of its answers hold `count` items together,
   * which the snapshot is judged against as one list (see InteractionMeta.until).
   */
  until?: Until;
  /** What the test made of the answer before recording it (a function's log read as its events): see InteractionMeta.view. */
  view?: AnswerView;
  /**
   * Sent for each item the nearest earlier gathering step (`until.accumulate`) gathers, as it arrives (see
   * InteractionMeta.eachCollected): its params may name `{{<as>.<Member>}}` (`{{message.ReceiptHandle}}`).
   */
  eachCollected?: string;
  /**
   * The test snapshotted a digest of the error, not the response: `{Code, Message}`, or `{Code, Errors, Count}` (the
   * constraint violations of a `N validation error(s) detected: ...` message; only Count 1 keeps their order).
   */
  errorDigest?: boolean;
}

/** How a test used a presigned URL (SourceStep.presign). */
export interface SourcePresign {
  /** botocore's `signature_version`: `s3v4` -> `v4`, `s3` -> `v2`. */
  version: 'v4' | 'v2';
  /** `ExpiresIn` (botocore's default 3600). */
  expiresIn?: number;
  /** The test waited this long after signing before sending (see PresignedUrl.signedSecondsAgo). */
  signedSecondsAgo?: number;
  /** The test sent the URL of its previous presigned step again (see PresignedUrl.sameUrl). */
  sameUrl?: boolean;
  /** The client was configured for virtual-hosted-style addressing. */
  virtualHost?: boolean;
  /**
   * Query parameters the presigner signed besides botocore's serialization of `params`: the AWS SDK for JavaScript
   * moves the `x-amz-*` headers it does not sign into the query (`x-amz-storage-class`, `x-amz-meta-*`) and adds its
   * own (`x-id`, a checksum of the empty body).
   */
  signedQuery?: Record<string, string>;
  /** Headers the test's client sent (none by default); not signed unless `params` made them signed headers too. */
  headers?: Record<string, string>;
  /** The body the test's client sent. */
  body?: string;
  /**
   * The test's edit of the URL's query: a function of the one botocore made (its own parameters, then the signature's
   * as `{{presigned:<name>}}`) returning what was sent.
   */
  query?: (url: Record<string, string>) => Record<string, string>;
  /** Text replacements the test made on the whole URL. */
  replace?: [string, string][];
  /** The status the test asserted, for an answer whose snapshot does not record it (the test parsed only the body). */
  status?: number;
}

export interface SourceScenario {
  /** `Class::test_name` or `test_name` as in the pytest node id (without the parameter suffix). */
  test: string;
  /** The calls; a function of the test's own pytest parameter (the node id's `[...]` without the protocol part) when they differ by it. */
  steps: SourceStep[] | ((param: string) => SourceStep[]);
  /** Why this reproduction is faithful where the test code differs in form (fixtures, loops). */
  note?: string;
  /** The test file (under tests/aws/services/) the snapshot recorded the test in, when the test has moved since. */
  recordedIn?: string;
  /** The contract's file name (starting `test_`) when two test classes of a module share the test's name. */
  fileName?: string;
  /** This test's variants are ported although the module skips their parameter (the scenario sends what the skip lacks). */
  portsSkippedVariants?: boolean;
  /** Placeholders this test's transformers wrote for values the contract knows (see SourceFile.expandedWords), by its parameter. */
  expandedWords?: Record<string, string> | ((param: string) => Record<string, string>);
  /** Recorded variants of this test not ported, by the test's own parameter, with the reason (e.g. virtual-host addressing). */
  unportedVariants?: Record<string, string>;
  /**
   * Recorded entries of this test deliberately not judged, by snapshot key, with the reason (a message recorded before
   * AWS added values to the enum it lists): their calls are still sent, as steps without a snapshot.
   */
  unreproduced?: Record<string, string>;
  /** The account-wide resource a variant changes that other scenarios also use (see ScenarioMeta.exclusive). */
  exclusive?: (param: string) => string | undefined;
}

export interface SourceFile {
  service: string;
  /** Test module under tests/aws/services/<service>/, e.g. `test_sqs`. */
  module: string;
  /** Snapshot file folder under shared/reference/aws-snapshots. */
  snapshotDir: string;
  /**
   * Prepended to each contract's file name when test names repeat across the service's modules (Step Functions'
   * v2 folders); it starts with `test_` so regeneration replaces the files.
   */
  idPrefix?: string;
  /** The test folder under LocalStack's tests/aws/services/ when it differs from `snapshotDir` (Lambda's is `lambda_`). */
  testDir?: string;
  /** pytest parameter id (before any `-`) -> protocol; no parameter, or one that names no protocol: `defaultProtocol`. */
  variants: Record<string, SourceProtocol>;
  defaultProtocol: SourceProtocol;
  /** Literal words the test's transformers wrote in place of values (no `<...>`): judged as any value or a timestamp. */
  redactedWords?: Record<string, 'any' | 'timestamp'>;
  /** Text a test's transformers wrote in place of part of a value (`DDD MMM dd hh:mm:ss UTC yyyy` for a log time): any text. */
  redactedText?: string[];
  /** Placeholders a test's transformers wrote for a value the contract knows (`<a:len(129)>` for 129 `a`s): put back. */
  expandedWords?: Record<string, string>;
  scenarios: SourceScenario[];
  /** Recorded variants not ported, by their parameter's prefix (e.g. a wire protocol twinstack does not serve), with the reason. */
  skippedVariants?: Record<string, string>;
  /**
   * Snapshot tests deliberately not ported, with the reason (for PORTING.md): by test name, or a function of the
   * pytest node's `Class::test` part (reasons shared by a whole test class).
   */
  notPorted: Record<string, string> | ((test: string) => string | undefined);
  /** The reason for the module's other tests that are not ported (default: not reproduced yet). */
  notPortedOtherwise?: string;
  /**
   * This source accounts for only these tests (`Class::test` of the node id) of a module that other sources describe
   * too (one test class ported apart from its module's others); those sources leave the claimed tests out.
   */
  claims?: (test: string) => boolean;
}

/**
 * A time relative to the replay's "now" in a step's parameters: the test's `utc_now + timedelta(seconds=offset)`.
 * The contract gets an example value (the snapshot's recording time plus the offset) and a Pact `DateTime` generator
 * that the verifier fills in with the replay's own now plus the offset.
 */
export interface RelativeTime {
  $now: number;
  /** An epoch-milliseconds number (a long member such as a log event's timestamp), not a timestamp member. */
  millis?: true;
}

export function now(offsetSeconds = 0): RelativeTime {
  return { $now: offsetSeconds };
}

/** `now(offset)` for a long member that holds epoch milliseconds (the test's `now_utc(millis=True) + offset`). */
export function nowMillis(offsetSeconds = 0): RelativeTime {
  return { $now: offsetSeconds, millis: true };
}

/**
 * A request body too large to store (a test's 5 MiB part `b"a" * 5_242_881`): `text` repeated and cut to `bytes`
 * bytes. botocore serializes the real bytes (its checksum headers are of them); the contract gets a `RepeatedText`
 * generator in place of the body, which the verifier makes again at replay time.
 */
export interface RepeatedBody {
  $repeat: string;
  bytes: number;
}

export function repeated(text: string, bytes: number): RepeatedBody {
  return { $repeat: text, bytes };
}

export function isRepeated(value: unknown): value is RepeatedBody {
  return !!value && typeof value === 'object' && typeof (value as RepeatedBody).$repeat === 'string' && typeof (value as RepeatedBody).bytes === 'number';
}

/** The bytes a `repeated()` body stands for: what the verifier will make of its generator. */
export function repeatedBytes(body: RepeatedBody): Buffer {
  return repeatedText(bodyGenerator(body));
}

/** The contract's generator for a `repeated()` body. */
export function bodyGenerator(body: RepeatedBody): RepeatedTextGenerator {
  return { type: 'RepeatedText', text: body.$repeat, bytes: body.bytes };
}

/**
 * Python's `json.dumps(value)` as tests send documents: `, ` and `: ` separators, non-ASCII characters escaped
 * (`ensure_ascii`), keys in the order given.
 */
export function pythonJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${pythonJson(k)}: ${pythonJson(v)}`).join(', ')}}`;
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
