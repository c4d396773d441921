import type { Properties } from '../../provider.ts';
import type { TemplateResource } from '../../template/parse.ts';
import { conditional } from './api-conditions.ts';
import { TransformErrorFor, type Expansion } from './context.ts';
import type { Invoked } from './events.ts';

const isDict = (value: unknown): value is Properties => !!value && typeof value === 'object' && !Array.isArray(value);

/**
 * An S3 event as SAM translates it: a permission for S3 to invoke the function (`<Fn><Event>Permission`), and the
 * bucket (a `Ref` to a bucket of the same template) edited: a LambdaConfiguration per event type in its
 * NotificationConfiguration, and a dependency on the permission (a conditional Ref in a tag when the function has a
 * condition, as CloudFormation has no conditional DependsOn).
 */
export function addS3Event(expansion: Expansion, fn: Invoked, eventId: string, p: Properties, condition: string | undefined): void {
  const id = `${fn.id}${eventId}`;
  const fail = (message: string) => new TransformErrorFor(fn.id, `Event with id [${eventId}] is invalid. ${message}`);
  const ref = isDict(p.Bucket) ? p.Bucket.Ref : undefined;
  if (isDict(p.Bucket) && 'Ref' in p.Bucket && typeof ref !== 'string') throw fail("'Ref' value in S3 events is not a valid string.");
  if (typeof ref !== 'string' || !Object.hasOwn(expansion.source, ref)) throw fail('S3 events must reference an S3 bucket in the same template.');
  const permission = `${id}Permission`;
  expansion.resources[permission] = {
    ...(condition ? { Condition: condition } : {}),
    Type: 'AWS::Lambda::Permission',
    Properties: { Action: 'lambda:InvokeFunction', FunctionName: fn.ref, Principal: 's3.amazonaws.com', SourceAccount: { Ref: 'AWS::AccountId' } },
  } as TemplateResource;
  // The bucket as the transform outputs it (a copy of the template's, which other S3 events may have edited already).
  const bucket = (expansion.resources[ref] ??= structuredClone(expansion.source[ref])) as TemplateResource & { Properties?: Properties };
  if (condition) {
    const properties = (bucket.Properties ??= {});
    const tags = properties.Tags ?? [];
    if (!Array.isArray(tags)) throw new TransformErrorFor(ref, "Property 'Tags' should be a list.");
    properties.Tags = [...tags, { Key: `sam:ConditionalDependsOn:${permission}`, Value: { 'Fn::If': [condition, { Ref: permission }, 'no dependency'] } }];
  } else {
    const dependsOn = bucket.DependsOn === undefined ? [] : [bucket.DependsOn].flat();
    if (dependsOn.some((d) => typeof d !== 'string')) throw new TransformErrorFor(fn.id, "Invalid type for field 'DependsOn'. Expected a string or list of strings.");
    bucket.DependsOn = [...new Set([...dependsOn, permission])];
  }
  const properties = (bucket.Properties ??= {});
  if (!isDict(properties)) throw new TransformErrorFor(ref, 'Properties should be a map.');
  const notifications = (properties.NotificationConfiguration ??= {}) as Properties;
  if (!isDict(notifications)) throw new TransformErrorFor(ref, "Property 'NotificationConfiguration' should be a map.");
  const lambdas = (notifications.LambdaConfigurations ??= []) as unknown[];
  if (!Array.isArray(lambdas)) throw new TransformErrorFor(ref, 'Invalid type for LambdaConfigurations. Must be a list.');
  for (const event of [p.Events].flat()) {
    const mapping: Properties = { Function: fn.arn, ...(p.Filter !== undefined ? { Filter: p.Filter } : {}), Event: event };
    const entry = condition ? conditional(condition, mapping, false) : mapping;
    if (!lambdas.some((known) => JSON.stringify(known) === JSON.stringify(entry))) lambdas.push(entry);
  }
}
