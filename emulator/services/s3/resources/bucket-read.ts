import { AwsError } from '../../../core/errors.ts';
import type { Properties, ResourceDelete } from '../../cloudformation/provider.ts';
import { givenMembers, jsonAsGiven, templateTags } from '../../cloudformation/read-back.ts';

/*
 * The read handlers of AWS::S3::Bucket and AWS::S3::BucketPolicy (drift detection, Cloud Control): each configuration
 * from its Get operation, in the template's form, with only the members the template gave where S3 fills in defaults.
 * AccessControl and the lifecycle rules' ExpiredObjectDeleteMarker, NoncurrentVersionExpirationInDays, Transition and
 * NoncurrentVersionTransition are write-only in AWS's schema: the template's stand for them (never compared).
 */

type Call = ResourceDelete['call'];
const list = (value: unknown) => (value ?? []) as Properties[];

/** A configuration's Get answer, or undefined when the bucket has none (S3's NoSuch…/…NotFound errors other than NoSuchBucket). */
async function unlessUnset(call: Call, operation: string, Bucket: string): Promise<Properties | undefined> {
  try {
    return await call('s3', operation, { Bucket });
  } catch (error) {
    if (error instanceof AwsError && error.code !== 'NoSuchBucket' && /NoSuch|NotFound/.test(error.code)) return undefined;
    throw error;
  }
}

/** Each item of a list with only the members its template item (by position) gave. */
const eachGiven = (given: unknown, items: Properties[]) => items.map((item, at) => givenMembers(list(given)[at], item) as Properties);

/** A notification key filter as the template gives it (`S3Key.Rules`), with the template's spelling of `prefix`/`suffix`. */
function keyFilter(given: Properties | undefined, filter: Properties | undefined) {
  const rules = list(filter?.Key?.FilterRules);
  if (!rules.length) return undefined;
  const named = (at: number, name: string) => (String(list(given?.S3Key?.Rules)[at]?.Name).toLowerCase() === name.toLowerCase() ? list(given?.S3Key?.Rules)[at].Name : name);
  return { S3Key: { Rules: rules.map((r, at) => ({ Name: named(at, r.Name), Value: r.Value })) } };
}

function notifications(given: Properties | undefined, answer: Properties): Properties {
  const configurations = (kind: string, target: string, arnMember: string) => {
    const found = list(answer[kind === 'LambdaConfigurations' ? 'LambdaFunctionConfigurations' : kind]).flatMap((c) => list(c.Events).map((Event) => ({ c, Event })));
    if (!found.length) return undefined;
    return found.map(({ c, Event }, at) => ({ Event, [target]: c[arnMember], Filter: keyFilter(list(given?.[kind])[at]?.Filter, c.Filter) }));
  };
  return {
    QueueConfigurations: configurations('QueueConfigurations', 'Queue', 'QueueArn'),
    TopicConfigurations: configurations('TopicConfigurations', 'Topic', 'TopicArn'),
    LambdaConfigurations: configurations('LambdaConfigurations', 'Function', 'LambdaFunctionArn'),
    EventBridgeConfiguration: answer.EventBridgeConfiguration ? { EventBridgeEnabled: true } : undefined,
  };
}

/** A lifecycle rule of S3's (Filter, Expiration…) in CloudFormation's flat form, the write-only members as the template gave them. */
function lifecycleRule(given: Properties | undefined, rule: Properties): Properties {
  const filter = (rule.Filter ?? {}) as Properties;
  const and = (filter.And ?? filter) as Properties;
  const tags = filter.Tag ? [filter.Tag] : list(and.Tags);
  const full: Properties = {
    Id: rule.ID,
    Status: rule.Status,
    Prefix: and.Prefix || undefined,
    TagFilters: tags.length ? tags.map((t) => ({ Key: t.Key, Value: t.Value })) : undefined,
    ObjectSizeGreaterThan: and.ObjectSizeGreaterThan,
    ObjectSizeLessThan: and.ObjectSizeLessThan,
    ExpirationInDays: rule.Expiration?.Days,
    ExpirationDate: rule.Expiration?.Date,
    NoncurrentVersionExpiration: rule.NoncurrentVersionExpiration ? givenMembers(given?.NoncurrentVersionExpiration, rule.NoncurrentVersionExpiration) : undefined,
    AbortIncompleteMultipartUpload: rule.AbortIncompleteMultipartUpload,
    Transitions: list(rule.Transitions).length ? list(rule.Transitions).map((t) => ({ StorageClass: t.StorageClass, TransitionInDays: t.Days, TransitionDate: t.Date })) : undefined,
    NoncurrentVersionTransitions: list(rule.NoncurrentVersionTransitions).length ? list(rule.NoncurrentVersionTransitions).map((t) => ({ StorageClass: t.StorageClass, TransitionInDays: t.NoncurrentDays })) : undefined,
  };
  for (const writeOnly of ['ExpiredObjectDeleteMarker', 'NoncurrentVersionExpirationInDays', 'Transition', 'NoncurrentVersionTransition']) {
    if (given?.[writeOnly] !== undefined) full[writeOnly] = given[writeOnly];
  }
  return given ? (givenMembers(given, full) as Properties) : full;
}

/** How to read each bucket configuration property: its Get operation and the answer in the template's form. */
const READERS: Record<string, { get: string; form(answer: Properties, given: Properties | undefined): unknown }> = {
  NotificationConfiguration: { get: 'GetBucketNotificationConfiguration', form: (a, given) => notifications(given, a) },
  ObjectLockConfiguration: { get: 'GetObjectLockConfiguration', form: (a, given) => givenMembers(given, a.ObjectLockConfiguration) },
  BucketEncryption: {
    get: 'GetBucketEncryption',
    form: (a, given) => ({ ServerSideEncryptionConfiguration: eachGiven(given?.ServerSideEncryptionConfiguration, list(a.ServerSideEncryptionConfiguration?.Rules)) }),
  },
  VersioningConfiguration: { get: 'GetBucketVersioning', form: (a) => (a.Status ? { Status: a.Status } : undefined) },
  LifecycleConfiguration: { get: 'GetBucketLifecycleConfiguration', form: (a, given) => ({ Rules: list(a.Rules).map((rule, at) => lifecycleRule(list(given?.Rules)[at], rule)) }) },
  PublicAccessBlockConfiguration: { get: 'GetPublicAccessBlock', form: (a, given) => givenMembers(given, a.PublicAccessBlockConfiguration) },
  CorsConfiguration: {
    get: 'GetBucketCors',
    form: (a, given) => ({
      CorsRules: eachGiven(
        given?.CorsRules,
        list(a.CORSRules).map((r) => ({ Id: r.ID, AllowedHeaders: r.AllowedHeaders, AllowedMethods: r.AllowedMethods, AllowedOrigins: r.AllowedOrigins, ExposedHeaders: r.ExposeHeaders, MaxAge: r.MaxAgeSeconds })),
      ),
    }),
  },
  OwnershipControls: { get: 'GetBucketOwnershipControls', form: (a) => ({ Rules: list(a.OwnershipControls?.Rules).map((r) => ({ ObjectOwnership: r.ObjectOwnership })) }) },
  WebsiteConfiguration: {
    get: 'GetBucketWebsite',
    form: (a, given) =>
      givenMembers(given, {
        IndexDocument: a.IndexDocument?.Suffix,
        ErrorDocument: a.ErrorDocument?.Key,
        RedirectAllRequestsTo: a.RedirectAllRequestsTo,
        RoutingRules: list(a.RoutingRules).length ? list(a.RoutingRules).map((r) => ({ RoutingRuleCondition: r.Condition, RedirectRule: r.Redirect })) : undefined,
      }),
  },
};

/** `AWS::S3::Bucket`: the configurations the template names (all of them for Cloud Control, which has no template). */
export async function readBucket(request: ResourceDelete): Promise<Properties> {
  const p = request.properties;
  const Bucket = request.physicalId;
  await request.call('s3', 'HeadBucket', { Bucket });
  const wanted = (name: string) => !Object.keys(p).length || p[name] !== undefined;
  const out: Properties = { BucketName: Bucket };
  for (const [name, reader] of Object.entries(READERS)) {
    if (!wanted(name)) continue;
    const answer = await unlessUnset(request.call, reader.get, Bucket);
    out[name] = answer ? reader.form(answer, p[name]) : undefined;
  }
  if (wanted('ObjectLockEnabled')) out.ObjectLockEnabled = (await unlessUnset(request.call, 'GetObjectLockConfiguration', Bucket))?.ObjectLockConfiguration?.ObjectLockEnabled === 'Enabled';
  if (wanted('Tags')) out.Tags = templateTags(request, (await unlessUnset(request.call, 'GetBucketTagging', Bucket))?.TagSet);
  return out;
}

/** `AWS::S3::BucketPolicy`: physical id the bucket name. */
export async function readBucketPolicy(request: ResourceDelete): Promise<Properties> {
  const { Policy } = await request.call<{ Policy: string }>('s3', 'GetBucketPolicy', { Bucket: request.physicalId });
  return { Bucket: request.physicalId, PolicyDocument: jsonAsGiven(request.properties.PolicyDocument, Policy) };
}
