/** One HTTP message as the recorder saw it on the wire (lower-case header names, raw body). */
export interface CapturedMessage {
  headers: Record<string, string>;
  body: Buffer;
}

/** One request to AWS and its response, before redaction and normalisation into a contract interaction. */
export interface CapturedExchange {
  /** Model name of the service, e.g. `sqs`. */
  service: string;
  /** Undefined when the recorder could not tell (the request is still recorded). */
  operation?: string;
  region: string;
  /** When the request was sent. */
  at: Date;
  request: CapturedMessage & {
    method: string;
    /** Path without the query string, percent-encoded as sent. */
    path: string;
    /** Query string without `?`, as sent. */
    query: string;
    /** Host the request was sent to upstream (redacted later). */
    host: string;
  };
  response: CapturedMessage & { status: number };
}

/** What a recording session knows about the upstream that normalisation must hide. */
export interface RecordingSession {
  /** Account the recording credentials act as (from STS GetCallerIdentity); replaced by a placeholder. */
  accountId: string;
  /** The identity ARN, printed at start only. */
  arn?: string;
  /** Region requests were sent to; replaced by a placeholder. */
  region: string;
  /** e.g. `aws` or the --upstream URL given. */
  upstream: string;
  startedAt: Date;
}
