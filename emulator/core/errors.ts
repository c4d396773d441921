/**
 * The one error type service code throws. `code` is the error shape name from the service model when the error is
 * modelled (e.g. SQS `QueueDoesNotExist`); the protocol layer then takes the HTTP status and the query-protocol
 * code (`AWS.SimpleQueueService.NonExistentQueue`) from the model. Errors the model does not list (common errors
 * such as `ValidationException` or `InvalidParameterValue`) carry their own status.
 */
export class AwsError extends Error {
  readonly code: string;
  readonly status?: number;
  readonly sender: boolean;
  /** Extra members of the error structure (e.g. DynamoDB's CancellationReasons). */
  readonly fields?: Record<string, unknown>;
  /** Extra response headers (e.g. S3's x-amz-bucket-region). */
  readonly headers?: Record<string, string>;

  constructor(
    code: string,
    message: string,
    options: { status?: number; sender?: boolean; fields?: Record<string, unknown>; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = code;
    this.code = code;
    this.status = options.status;
    this.sender = options.sender ?? (options.status === undefined || options.status < 500);
    this.fields = options.fields;
    this.headers = options.headers;
  }
}

/** Shorthands for the errors every AWS service shares. */
export const CommonErrors = {
  validation: (message: string) => new AwsError('ValidationException', message, { status: 400 }),
  invalidParameterValue: (message: string) => new AwsError('InvalidParameterValue', message, { status: 400 }),
  missingParameter: (message: string) => new AwsError('MissingParameter', message, { status: 400 }),
  internal: (message = 'We encountered an internal error. Please try again.') =>
    new AwsError('InternalFailure', message, { status: 500, sender: false }),
  notImplemented: (service: string, operation: string) =>
    new AwsError('NotImplemented', `The operation ${operation} of service ${service} is not implemented by twinstack yet`, {
      status: 501,
      sender: false,
    }),
};
