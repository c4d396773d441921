import { partitionInfo } from '../../core/arn.ts';
import { AwsError } from '../../core/errors.ts';

/**
 * SQS errors that the model does not describe as exception shapes. Over AWS JSON, SQS names them with a different
 * `__type` than the query-protocol code that `x-amzn-query-error` (and the query protocol) carries, e.g.
 * `InvalidParameterValueException` for `InvalidParameterValue`.
 */
const JSON_TYPE_OF_QUERY_CODE: Record<string, string> = {
  InvalidParameterValue: 'InvalidParameterValueException',
  MissingParameter: 'MissingRequiredParameterException',
};

/** `__type` of an SQS JSON error: AWS qualifies all of them with the service namespace. */
export function sqsJsonErrorType(code: string): string {
  return `com.amazonaws.sqs#${JSON_TYPE_OF_QUERY_CODE[code] ?? code}`;
}

export const invalidParameterValue = (message: string) => new AwsError('InvalidParameterValue', message, { status: 400 });

/** `Value <v> for parameter <name> is invalid. Reason: <reason>`, AWS's wording for most parameter checks. */
export const invalidParameter = (name: string, value: unknown, reason: string) =>
  invalidParameterValue(`Value ${String(value)} for parameter ${name} is invalid. Reason: ${reason}`);

export const missingParameter = (name: string) =>
  new AwsError('MissingParameter', `The request must contain the parameter ${name}.`, { status: 400 });

/** AWS words this differently per protocol (checked against recorded responses of both). */
export const queueDoesNotExist = (protocol: string) =>
  new AwsError(
    'QueueDoesNotExist',
    protocol === 'query' ? 'The specified queue does not exist for this wsdl version.' : 'The specified queue does not exist.',
  );

/**
 * AWS's answer to a caller the queue's account wall keeps out. A client's request names the regional endpoint; a
 * service's delivery (SNS, S3, EventBridge) names the queue, as their delivery logs show.
 */
export const accessDenied = (at: { accountId: string; region: string; name: string }, delivery: boolean) => {
  const endpoint = `https://sqs.${at.region}.${partitionInfo(at.region).dnsSuffix}/`;
  return new AwsError('AccessDenied', `Access to the resource ${delivery ? `${endpoint}${at.accountId}/${at.name}` : endpoint} is denied.`, { status: 403 });
};

export const invalidAttributeName = (message: string) => new AwsError('InvalidAttributeName', message);
export const unknownAttribute = (name: string) => invalidAttributeName(`Unknown Attribute ${name}.`);

export const invalidAttributeValue = (name: string, reason?: string) =>
  new AwsError('InvalidAttributeValue', `Invalid value for the parameter ${name}.${reason ? ` Reason: ${reason}` : ''}`);

export const receiptHandleIsInvalid = (handle: string) =>
  new AwsError('ReceiptHandleIsInvalid', `The input receipt handle "${handle}" is not a valid receipt handle.`);

export const resourceNotFound = (message: string) => new AwsError('ResourceNotFoundException', message, { status: 404 });
