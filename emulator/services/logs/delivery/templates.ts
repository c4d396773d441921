import type { ConfigurationTemplate } from '@aws-sdk/client-cloudwatch-logs';

/**
 * The log types of the services AWS documents as delivery sources (PutDeliverySource's logType), keyed by the service
 * part of the source resource's ARN. None is a service twinstack serves, so deliveries are stored, never fed.
 */
export const SOURCE_LOG_TYPES: ReadonlyMap<string, readonly string[]> = new Map([
  ['bedrock', ['APPLICATION_LOGS', 'TRACES']],
  ['bedrock-agentcore', ['APPLICATION_LOGS', 'USAGE_LOGS', 'TRACES']],
  ['cloudfront', ['ACCESS_LOGS']],
  ['codewhisperer', ['EVENT_LOGS']],
  ['mediapackage', ['EGRESS_ACCESS_LOGS', 'INGRESS_ACCESS_LOGS']],
  ['mediatailor', ['AD_DECISION_SERVER_LOGS', 'MANIFEST_SERVICE_LOGS', 'TRANSCODE_LOGS']],
  ['entityresolution', ['WORKFLOW_LOGS']],
  ['sso', ['ERROR_LOGS']],
  ['pcs', ['PCS_SCHEDULER_LOGS', 'PCS_JOBCOMP_LOGS']],
  ['q', ['EVENT_LOGS']],
  ['ses', ['APPLICATION_LOG', 'TRAFFIC_POLICY_DEBUG_LOGS']],
  ['workmail', ['ACCESS_CONTROL_LOGS', 'AUTHENTICATION_LOGS', 'WORKMAIL_AVAILABILITY_PROVIDER_LOGS', 'WORKMAIL_MAILBOX_ACCESS_LOGS', 'WORKMAIL_PERSONAL_ACCESS_TOKEN_LOGS']],
  ['ec2', ['EVENT_LOGS']],
]);

/** CloudFront access logs' fields, in the order AWS lists them as a delivery's default record fields (AWS-recorded). */
const CLOUDFRONT_ACCESS_LOG_FIELDS = [
  'date', 'time', 'x-edge-location', 'sc-bytes', 'c-ip', 'cs-method', 'cs(Host)', 'cs-uri-stem', 'sc-status', 'cs(Referer)', 'cs(User-Agent)',
  'cs-uri-query', 'cs(Cookie)', 'x-edge-result-type', 'x-edge-request-id', 'x-host-header', 'cs-protocol', 'cs-bytes', 'time-taken',
  'x-forwarded-for', 'ssl-protocol', 'ssl-cipher', 'x-edge-response-result-type', 'cs-protocol-version', 'fle-status', 'fle-encrypted-fields',
  'c-port', 'time-to-first-byte', 'x-edge-detailed-result-type', 'sc-content-type', 'sc-content-len', 'sc-range-start', 'sc-range-end',
];

/**
 * The configuration templates twinstack knows: CloudFront's access logs, whose defaults AWS answered when a delivery
 * was created without record fields or S3 settings. Other services' templates are not known here.
 */
export const CONFIGURATION_TEMPLATES: readonly ConfigurationTemplate[] = (['S3', 'CWL', 'FH'] as const).map((type) => ({
  service: 'cloudfront',
  logType: 'ACCESS_LOGS',
  resourceType: 'distribution',
  deliveryDestinationType: type,
  defaultDeliveryConfigValues: {
    recordFields: CLOUDFRONT_ACCESS_LOG_FIELDS,
    ...(type === 'S3' ? { s3DeliveryConfiguration: { suffixPath: 'AWSLogs/{account-id}/CloudFront/', enableHiveCompatiblePath: false } } : {}),
  },
  allowedFields: CLOUDFRONT_ACCESS_LOG_FIELDS.map((name) => ({ name })),
}));

/** The template for a source's log type and a destination type, if twinstack knows it. */
export function templateFor(service: string, logType: string, destinationType: string): ConfigurationTemplate | undefined {
  return CONFIGURATION_TEMPLATES.find((t) => t.service === service && t.logType === logType && t.deliveryDestinationType === destinationType);
}
