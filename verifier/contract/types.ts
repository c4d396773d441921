/**
 * The twinstack contract format: a Pact V4 file (loadable by Pact's own tools) with one scenario per file, its
 * interactions in the order they ran, and twinstack's own data where Pact allows it (`metadata.twinstack`,
 * `interactions[].comments.twinstack`). See contracts/README.md for the semantics and a worked example.
 *
 * Stability: additive changes only. `formatVersion` stays 1 while old files keep their meaning.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

// ---------------------------------------------------------------------------------------------------------------
// Templates and variables
//
// Any string in a request (path, query, header values, body values) and any expected string may hold `{{name}}`
// variables. Built-ins: accountId, region, partition, endpoint (target base URL, no trailing slash), endpointHost,
// suffix (unique per scenario run, [a-z0-9]), plus every capture. In requests every variable must be known.
// In expected strings and `template` matchers an unknown variable binds to the first value it meets; later uses
// must be equal (like LocalStack's numbered redaction placeholders). `{{*}}` matches anything without binding.
// ---------------------------------------------------------------------------------------------------------------

/** A JSONPath as Pact writes it: `$.Messages[0].Body`, `$.Messages[*].MessageId`, `$.Attributes['a.b']`. */
export type JsonPath = string;

/** How an expected value is judged, keyed by JSONPath in `Expectation.matchers` (the path of the value in `output`). */
export type Matcher =
  /** Pact-compatible: the actual value has the same JSON type as the expected example. */
  | { match: 'type' }
  /** Pact-compatible: the whole actual value (as text) matches; `{{vars}}` inside are substituted regex-escaped. */
  | { match: 'regex'; regex: string }
  /** A string with `{{vars}}` (bind on first use) and `{{*}}` wildcards, e.g. `arn:aws:sqs:{{region}}:{{accountId}}:{{queue-name:1}}`. */
  | { match: 'template'; template: string }
  /** A timestamp in any wire form (the parsed value is a Date/ISO string or epoch number). */
  | { match: 'timestamp' }
  /** Any number; `min`/`max` bound it when given. */
  | { match: 'number'; min?: number; max?: number }
  /** Value present (any value). */
  | { match: 'present' }
  /** The member must be absent from the actual response. */
  | { match: 'absent' }
  /** Not judged (AWS gives no stable value and its presence varies). */
  | { match: 'ignore' }
  /**
   * The actual value is a JSON document in a string (a message body, a queue policy; IAM's URL-encoded policy
   * documents are decoded first); its parsed form is compared with the expected value.
   */
  | { match: 'json' }
  /**
   * The actual value is text of several lines that the expected value lists as `{line00, line01, ...}` (one member per
   * `\n`-separated line, as LocalStack's tests snapshot API Gateway's execution log); compared member by member.
   */
  | { match: 'lines' }
  /**
   * The actual value is XML text (an S3 error or result a plain HTTP request got back); it is compared in the form
   * Python's xmltodict gives it, as LocalStack's tests snapshot such bodies: an element with only text is its text
   * (an empty one `null`), attributes are `@name` members, text beside children is `#text`, and repeated elements
   * make a list.
   */
  | { match: 'xml' };

/** A value taken from a response and reused later as `{{name}}` (queue URL, receipt handle, shard iterator, ARN...). */
export interface Capture {
  name: string;
  /** JSONPath in the parsed response (`$.QueueUrl`), or `header:<lower-case name>`. */
  from: JsonPath | `header:${string}`;
  /** Optional regex applied to the value; group 1 becomes the variable (e.g. the queue name out of a queue URL). */
  regex?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// What the verifier judges
// ---------------------------------------------------------------------------------------------------------------

/** An AWS error, normalised across protocols (JSON `__type` after `#` / `x-amzn-query-error`, query `<Code>`). */
export interface ExpectedError {
  /**
   * The code a client of this protocol sees: for query-compatible JSON services (SQS) the code from
   * `x-amzn-query-error` (e.g. `AWS.SimpleQueueService.NonExistentQueue`), else `__type` after `#`; for query `<Code>`.
   */
  code: string;
  /** Exact message, or absent when not known. Templates allowed (`{{vars}}`). */
  message?: string;
  /** `Sender` | `Receiver` when known (query `<Type>`, second half of `x-amzn-query-error`). */
  type?: 'Sender' | 'Receiver';
  /** JSON protocol only: the `__type` error shape name (after `#`), when it differs from `code` (boto3's QueryErrorCode). */
  shapeName?: string;
  /** S3 only: the other elements of its `<Error>` document (`BucketName`, `Key`, `Condition`...). Templates allowed. */
  fields?: Record<string, string>;
}

export interface Expectation {
  /** HTTP status; absent means "any 2xx" (a setup step whose response AWS did not record), or any 4xx/5xx with `failure`. */
  status?: number;
  /** The call is known to fail on AWS, but its response was not recorded (status absent: any 4xx/5xx). */
  failure?: boolean;
  error?: ExpectedError;
  /**
   * The response as a client parses it with the service model (the same form for every protocol): members by model
   * name, no ResponseMetadata, blobs as base64 strings, timestamps as ISO strings. Absent: the body is not judged.
   * Any JSON value when `select` picks a part of the response (a list of messages, one attribute value).
   */
  output?: JsonValue;
  /** Compare `output` with the value at this path of the parsed actual response (a snapshot of one part of it). */
  select?: JsonPath;
  /**
   * The value at `select` is a list that `output` holds as an object: each member's `key` field names its `value`
   * field (a stack's `Outputs` as the test fixture's `stack.outputs` dict).
   */
  keyedBy?: { key: string; value: string };
  /**
   * The value at `select` is an account-wide list that the test cut to its own items: only members whose `member`
   * field equals one of `values` (templates of known variables, e.g. `{{stackId}}`) are compared, as the test compared
   * them; the account's other items (other scenarios' stacks or exports) are not judged.
   */
  keep?: { member: string; values: string[] };
  /** Per-path matchers over `output` (path as in `output`; `[*]` applies to every element). */
  matchers?: Record<JsonPath, Matcher>;
  /** Paths of lists AWS returns in no defined order: compared as multisets. */
  unordered?: JsonPath[];
  /** `exact` (default): keys missing from or extra to `output` are mismatches. `subset`: extra actual keys are fine. */
  compare?: 'exact' | 'subset';
  /** Response headers that matter (lower-case names), value or template. */
  headers?: Record<string, string>;
  /**
   * Response headers (lower-case names) the answer must not carry: AWS's recorded answer lacked them (a GET without
   * CORS headers where no rule matched). Judged whatever the status; a name may not be in `headers` too.
   */
  absentHeaders?: string[];
}

/** The parts of a request the verifier replays, in template form (the Pact `request` holds the same data). */
/** `smithy-rpc-v2-cbor` interactions store their body as the AWS JSON document; the verifier sends it as CBOR. */
export type WireProtocol = 'json' | 'query' | 'rest-json' | 'rest-xml' | 'smithy-rpc-v2-cbor';

/** twinstack's data on one interaction: `interactions[i].comments.twinstack`. */
export interface InteractionMeta {
  /** 0-based position in the scenario; replay order. */
  step: number;
  /** twinstack service name (`sqs`, `sts`, `dynamodb`, ...). */
  service: string;
  /** Operation name in the AWS model (`SendMessage`). */
  operation: string;
  protocol: WireProtocol;
  /**
   * A plain HTTP request, not an AWS API call: the Pact path and query go to this base URL, a template such as a
   * captured Lambda function URL (`{{functionUrl}}`). It is sent unsigned, and its answer is judged as HTTP:
   * `expect.status`, `expect.headers`, and `expect.output` against `{ body: <the body as text> }`. A URL on AWS's
   * own domains (`*.on.aws`, `*.amazonaws.com`) is sent there; another host (an emulator's
   * `*.localhost.localstack.cloud` names) goes to the target endpoint, with the URL's host as the Host header. On AWS,
   * an API Gateway API's emulator names (`<api-id>.execute-api.localhost.localstack.cloud`, or a path
   * `/restapis/<api-id>/<stage>/_user_request_/...`) go to its invoke URL `https://<api-id>.execute-api.<region>.amazonaws.com`.
   */
  url?: string;
  /**
   * The region of the client that made this call when it is not the run's (a test's `aws_client_factory(region_name=...)`):
   * the request is signed for it (a POST form's credential scope too). It still goes to the target's endpoint, as the
   * test's clients of every region went to one emulator endpoint; `{{region}}` stays the run's region.
   */
  region?: string;
  /** Sent without any signature, as an anonymous client (botocore's `UNSIGNED`) sends the API call. */
  unsigned?: boolean;
  /**
   * An S3 call of a client configured for virtual-hosted-style addressing: the Pact path is path-style (`/bucket/key`);
   * the verifier moves the bucket into the host name (`bucket.s3.localhost.localstack.cloud` on an emulator, reached
   * at the target with that Host; `bucket.<endpoint host>` on AWS) and signs the request for it.
   */
  virtualHost?: boolean;
  /**
   * The client's own credentials when they are not the target's (a test's client made with an assumed role's
   * credentials): templates of earlier captures (`{{roleKeyId}}`). The call, its POST form or its presigned URL is
   * signed with them (with `x-amz-security-token` when a session token is given).
   */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /**
   * The test read this answer itself (xmltodict of the body, a header) instead of through a client's parser: it is
   * judged as plain HTTP, as a `url` interaction's (`expect.status`, `expect.headers`, `expect.output` against
   * `{ body: <the body as text> }`), whatever the operation.
   */
  rawAnswer?: boolean;
  /**
   * A browser POST form upload (S3's POST Object) that the verifier builds and signs at replay time, as botocore's
   * `generate_presigned_post` does, with the target's credentials: the Pact request's method (POST) and path say where
   * it goes, and it stores no body. Its answer is read as the service's answer to `operation` (errors as AWS errors).
   */
  postForm?: PostForm;
  /**
   * An S3 presigned URL that a test made and sent with a plain HTTP client (see PresignedUrl): signed at replay time
   * for the target's endpoint, region and credentials; its answer is parsed as the operation's, as other calls are.
   */
  presign?: PresignedUrl;
  /** Real request content type when the Pact body is stored under another (x-amz-json bodies are stored as JSON). */
  requestContentType?: string;
  /** Real response content type, likewise. */
  responseContentType?: string;
  /** Whether this interaction counts for parity (false: a setup step whose response AWS did not record). */
  scoring: boolean;
  expect: Expectation;
  captures?: Capture[];
  /** Where this interaction's expectation came from inside the file's provenance (e.g. the snapshot key). */
  source?: { snapshotKey?: string; note?: string };
  /** Seconds to wait before sending (AWS-side timing the scenario depends on, e.g. visibility timeouts). Default 0. */
  delaySeconds?: number;
  /**
   * The test read the clock afresh for this call (`datetime.now()` inline, not a `utc_now` taken earlier): the
   * scenario's "now" for request generators is read again before it is sent, and stays so for later steps.
   */
  takesNow?: boolean;
  /**
   * A polling step (what a test's waiter or retry loop did): the request is sent again, every `intervalSeconds`
   * (default 1) up to `timeoutSeconds` (default 300), until the value at `path` of its response (or of its `view`)
   * matches `matches` (a regex), or is a list of at least `count` elements, or the response is an error other than
   * `whileError`; e.g. a stack's status leaving `*_IN_PROGRESS`, or a function's log holding as many events as the test
   * waited for. Only the last response is judged, unless `accumulate`: then the lists at `path` of all the responses
   * (or views) are joined in order, the poll waits for `count` items in all, and the last response is judged with the
   * joined list at `path` (a test's helper that gathered messages over several ReceiveMessage calls).
   */
  until?: Until;
  /**
   * What the test made of the answer before it recorded it (see AnswerView): the view is polled (`until`) and judged in
   * place of the parsed answer; captures still read the answer.
   */
  view?: AnswerView;
  /**
   * Not replayed in the scenario's order: sent once for each item that the gathering interaction `step` (an
   * `until.accumulate` poll) gathers, right after the answer that brought it (a test's helper deleting each message it
   * received). `{{<as>}}` is the item (an object as JSON text), `{{<as>.<Member>}}` each of its members
   * (`{{message.ReceiptHandle}}`).
   */
  eachCollected?: { step: number; as: string };
}

/** See InteractionMeta.until. */
export interface Until {
  path: JsonPath;
  /** A regex the value at `path` must match. */
  matches?: string;
  /** The value at `path` is a list of at least this many elements. */
  count?: number;
  /** Gathering: the lists at `path` of all the poll's answers (or views) are joined in order and judged; needs `count`. */
  accumulate?: boolean;
  /** An error code that does not end the polling (a log group the function has not made yet: ResourceNotFoundException). */
  whileError?: string;
  timeoutSeconds?: number;
  intervalSeconds?: number;
}

/**
 * How a test read an answer before recording it, as LocalStack's helpers do (verifier/replay/answer-view.ts):
 * - `function-log`: a FilterLogEvents answer as `get_lambda_log_events` reads a function's log group: the events'
 *   messages, without empty ones and Lambda's own lines (INIT_START, START, END, REPORT), each parsed when it is a JSON
 *   document, else kept as text; a ResourceNotFoundException (no log group yet) is an empty list.
 * - `function-log-records`: those events that hold `Records` (the tests' `[e for e in events if "Records" in e]`,
 *   leaving out error lines).
 * - `message-bodies`: a ReceiveMessage answer's message bodies, each parsed as JSON.
 * - `message-body-lists`: a ReceiveMessage answer whose bodies are JSON lists (a function that forwarded each batch of
 *   records), joined into one list.
 * - `messages`: a ReceiveMessage answer's `Messages` list (empty when it has none).
 * - `notification-messages`: a ReceiveMessage answer's SNS notifications (JSON bodies), each one's `Message` parsed as
 *   JSON (a CloudWatch alarm's state change, as the tests' `json.loads(json.loads(body)["Message"])`).
 */
export type AnswerView = 'function-log' | 'function-log-records' | 'message-bodies' | 'message-body-lists' | 'messages' | 'notification-messages';

/**
 * A POST policy form (InteractionMeta.postForm). Fields are sent in botocore's order: `fields`, `key`, the signing
 * fields (`x-amz-algorithm`, `x-amz-credential`, `x-amz-date`, `x-amz-security-token` when the credentials have a
 * session token, then `policy` and `x-amz-signature`; or `AWSAccessKeyId`, `policy` and `signature` for `v2`), then the
 * file. The policy is `{"expiration", "conditions"}` as Python's `json.dumps` writes it: `conditions`, then
 * `{"bucket"}`, then `{"key"}` (or `["starts-with", "$key", prefix]` for a key ending in `${filename}`), then the
 * signing conditions. Every string may hold `{{vars}}`.
 */
export interface PostForm {
  bucket: string;
  key: string;
  /** The test's own fields (`Fields=`), in order. */
  fields?: Record<string, string>;
  /** The test's own policy conditions (`Conditions=`). */
  conditions?: JsonValue[];
  /** Seconds from signing to the policy's expiration (`ExpiresIn`; default 3600). */
  expiresIn?: number;
  /** `v4` (default): SigV4 POST; `v2`: botocore's `s3` signature version (HMAC-SHA1). */
  signature?: 'v4' | 'v2';
  /** Fields the test took out of the signed form, by exact name. */
  omit?: string[];
  /** Only these fields (by exact name) are kept of the signed form (a test that dropped all others). */
  keep?: string[];
  /** Values the test put into the signed form (a field changed after signing: `fields["success_action_redirect"] = ...`). */
  set?: Record<string, string>;
  /** Characters the test cut from the end of field values after signing (`{ policy: 2 }`: a malformed policy). */
  cut?: Record<string, number>;
  /**
   * The file part: its text, and its filename (absent: the field's name, as Python's requests names a string file;
   * `null`: no filename, so it is sent as a plain form field).
   */
  file: { content: string; filename?: string | null };
  /**
   * The request's Content-Type when it is not the form's `multipart/form-data; boundary=...` (a test that sent the
   * multipart body under `text/html`).
   */
  contentType?: string;
}

/**
 * A presigned URL made at replay time (`InteractionMeta.presign`). The signed request is the Pact method and path with
 * `query` and `headers` below, signed for the target's endpoint, region and credentials; the Pact request is what the
 * test's HTTP client then sent: the URL's query parameters in its order, where `{{presigned:<name>}}` is that parameter
 * of the presigned URL (`X-Amz-Credential`, `X-Amz-Signature`; v2 `AWSAccessKeyId`, `Signature`, `Expires`), and the
 * headers and body the client sent, unsigned. A test that edited the URL (dropped a parameter, kept only the signature
 * parameters) lists what it sent.
 */
export interface PresignedUrl {
  /** `v4`: SigV4 query authentication (S3: unsigned payload); `v2`: S3's Signature Version 2 query form (HMAC-SHA1). */
  version: 'v4' | 'v2';
  /** Seconds the URL is valid for (v4 `X-Amz-Expires`; v2 `Expires` is the signing time plus this). */
  expiresIn: number;
  /**
   * The URL was signed this many seconds before it is sent (a test that waited for it to expire), in real time: the
   * time targets date signatures by (twinstack's too, whatever its moved clock says). Default 0.
   */
  signedSecondsAgo?: number;
  /**
   * The test sent the URL it signed for the scenario's previous presigned step again: signed at that step's time, so
   * that both carry the same signature (and an error that echoes it names the same one).
   */
  sameUrl?: boolean;
  /** Virtual-hosted-style URL: the path's first segment (the bucket) moves into the host name. */
  virtualHost?: boolean;
  /** Query parameters of the signed request besides the signature's own (`response-content-type`, `uploadId`). */
  query?: Record<string, string>;
  /**
   * Headers of the signed request: v4 names them in `X-Amz-SignedHeaders` with `host`; v2 signs Content-MD5,
   * Content-Type and `x-amz-*` ones (botocore also copies them into the URL, which the Pact query then lists).
   */
  headers?: Record<string, string>;
  /** Text replacements the test made on the finished URL, in order (`%2F` -> `%252F`: a credential encoded twice). */
  replace?: [string, string][];
}

// ---------------------------------------------------------------------------------------------------------------
// Provenance: where the expectations came from (never the emulator)
// ---------------------------------------------------------------------------------------------------------------

export interface AwsRecordingProvenance {
  kind: 'aws-recording';
  /** ISO date-time of the recording. */
  recordedAt: string;
  region: string;
  /** e.g. `twinstack-recorder@0.1.0`. */
  recorder: string;
  /** Optional: the SDK/client that issued the calls. */
  client?: string;
}

export interface AwsValidatedSnapshotProvenance {
  kind: 'aws-validated-snapshot';
  source: {
    repository: string; // 'localstack/localstack'
    commit: string;
    path: string; // snapshot file path in that repository
    license: 'Apache-2.0';
    attribution: string;
  };
  /** pytest node id of the test whose responses were recorded against AWS. */
  testId: string;
  /** The snapshot's `recorded-date`, as ISO date. */
  recordedDate: string;
  /** `last_validated_date` from the test's `.validation.json`, as ISO date-time, when present. */
  lastValidated?: string;
}

export interface AwsDocsExampleProvenance {
  kind: 'aws-docs-example';
  url: string;
  /** ISO date the page was read. */
  retrievedAt: string;
}

export type Provenance = AwsRecordingProvenance | AwsValidatedSnapshotProvenance | AwsDocsExampleProvenance;

/** twinstack's data on the file: `metadata.twinstack`. */
export interface ScenarioMeta {
  formatVersion: 1;
  /** Unique id, also the file name without `.json`: `<service>/<scenario>`. */
  id: string;
  service: string;
  description?: string;
  provenance: Provenance;
  /** The wire protocol(s) the scenario uses (a scenario is ported once per protocol). */
  protocol: WireProtocol;
  /** Tags for selection (`fifo`, `errors`...). */
  tags?: string[];
  /**
   * An account-wide resource the scenario changes and other scenarios also use (the default event bus's tags): it
   * is replayed alone, after the concurrent ones.
   */
  exclusive?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Pact V4 envelope (the subset twinstack writes)
// ---------------------------------------------------------------------------------------------------------------

export interface PactMatchingRule {
  match: 'regex' | 'type' | 'equality' | 'include' | 'number' | 'integer' | 'decimal' | 'datetime' | 'timestamp' | 'notEmpty';
  regex?: string;
  format?: string;
  value?: string;
}
export type PactMatchingRules = Partial<Record<'body' | 'header' | 'query' | 'path' | 'status', Record<string, { combine: 'AND' | 'OR'; matchers: PactMatchingRule[] }>>>;

export interface PactBody {
  /** A JSON value for JSON bodies, text for form/XML bodies. */
  content: JsonValue;
  contentType: string;
  encoded: false | 'base64';
}

/**
 * A Pact V4 generator: the request value at its path is replaced when the request is replayed. twinstack uses
 * `DateTime` for times relative to the replay's "now" (a test's `datetime.now() - timedelta(seconds=60)`):
 * `expression` is `now`, `now + N unit(s)` or `now - N unit(s)` (Pact's date expressions; units millisecond to week),
 * `format` is `yyyy-MM-dd'T'HH:mm:ss.SSSXXX` (ISO 8601 text, as the query protocol sends it), twinstack's
 * `epoch-seconds` (a number, as AWS JSON sends timestamps) or `epoch-milliseconds` (a long holding a time, as
 * CloudWatch Logs' event timestamps). "Now" is fixed once per scenario run: the target's own
 * clock where it has twinstack's clock route, else the verifier's. The request keeps an example value at the path.
 */
export interface DateTimeGenerator {
  type: 'DateTime';
  expression: string;
  format: string;
}

/**
 * twinstack's generator of a whole request body (path `$`), or of a text value in a JSON or form body, made when the
 * request is replayed so that it never sits in the contract file: `text` repeated and cut to `bytes` bytes of UTF-8
 * (a test's 5 MiB part `b"a" * 5_242_881`, a 1 MiB message body). The stored body or value is empty. Pact's tools
 * ignore generator types they do not know.
 */
export interface RepeatedTextGenerator {
  type: 'RepeatedText';
  text: string;
  bytes: number;
}

export type PactGenerator = DateTimeGenerator | RepeatedTextGenerator;

/**
 * Generators by request part (the body only, so far): JSONPaths into a JSON body, `$['Param.Name']` in a form body,
 * or `$` for the whole body.
 */
export interface PactGenerators {
  body?: Record<string, PactGenerator>;
}

export interface PactRequest {
  method: string;
  path: string;
  query?: Record<string, string[]>;
  headers?: Record<string, string[]>;
  body?: PactBody;
  matchingRules?: PactMatchingRules;
  generators?: PactGenerators;
}

export interface PactResponse {
  status: number;
  headers?: Record<string, string[]>;
  body?: PactBody;
  matchingRules?: PactMatchingRules;
}

export interface ContractInteraction {
  type: 'Synchronous/HTTP';
  key?: string;
  description: string;
  pending?: boolean;
  providerStates?: { name: string; params?: Record<string, JsonValue> }[];
  request: PactRequest;
  response: PactResponse;
  comments: { text?: string[]; testname?: string; twinstack: InteractionMeta };
}

export interface ContractFile {
  consumer: { name: string };
  provider: { name: string };
  interactions: ContractInteraction[];
  metadata: {
    pactSpecification: { version: '4.0' };
    twinstack: ScenarioMeta;
    [key: string]: JsonValue | ScenarioMeta | { version: '4.0' };
  };
}
