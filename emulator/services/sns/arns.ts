import { parseArn } from '../../core/arn.ts';
import { invalidParameter } from './errors.ts';

/**
 * Checks an ARN parameter as SNS does before looking it up: "An ARN must have at least 6 elements, not N" for text
 * with too few colon-separated parts.
 */
export function checkArnShape(parameter: string, value: string | undefined): string {
  if (value === undefined) throw invalidParameter(`${parameter} Reason: no value for required parameter`);
  const elements = value.split(':').length;
  if (elements < 6) throw invalidParameter(`${parameter} Reason: An ARN must have at least 6 elements, not ${elements}`);
  return value;
}

/** The account and region an SNS ARN names, when it is one. */
export function snsArnParts(arn: string): { accountId: string; region: string; resource: string } | undefined {
  const parts = parseArn(arn);
  if (!parts || parts.service !== 'sns') return undefined;
  return parts;
}
