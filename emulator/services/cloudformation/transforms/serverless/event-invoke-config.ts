import type { Properties } from '../../provider.ts';
import type { TemplateResource } from '../../template/parse.ts';
import { defined, passedThrough, resolveParameterRefs, samIdHash, TransformErrorFor, type Expansion } from './context.ts';

// A function's `EventInvokeConfig` as SAM's SamFunction makes it: an `AWS::Lambda::EventInvokeConfig`
// (`<Function>EventInvokeConfig`, on the alias with AutoPublishAlias, else `$LATEST`) whose SQS or SNS destination
// without an ARN (or under an Fn::If with AWS::NoValue) is a queue or topic SAM creates, conditionally so, and for each
// destination a policy of the function's role letting it deliver there.

const TYPES = ['SQS', 'SNS', 'EventBridge', 'Lambda', 'S3Bucket'];
const CREATED = ['SQS', 'SNS'];
const CONDITION_NAME_LIMIT = 255;

const isMap = (v: unknown): v is Properties => !!v && typeof v === 'object' && !Array.isArray(v);
const isNoValue = (v: unknown) => isMap(v) && Object.keys(v).length === 1 && v.Ref === 'AWS::NoValue';
const pythonList = (items: string[]) => `[${items.map((i) => `'${i}'`).join(', ')}]`;

/** SAM's _make_gen_condition_name: the name and a hash of `hashInput`, within CloudFormation's limit. */
const conditionName = (name: string, hashInput: string) => `${name}${samIdHash(hashInput)}`.slice(0, CONDITION_NAME_LIMIT);

/** The role policy SAM gives a destination of each type. */
function destinationPolicy(type: string, logicalId: string, arn: unknown): Properties {
  const statement = (action: string, resource: unknown) => ({ Action: action, Effect: 'Allow', Resource: resource });
  const policy = (suffix: string, statements: Properties[]) => ({ PolicyName: `${logicalId}${suffix}`, PolicyDocument: { Statement: statements } });
  if (type === 'SQS') return policy('SQSPolicy', [statement('sqs:SendMessage', arn)]);
  if (type === 'SNS') return policy('SNSPolicy', [statement('sns:publish', arn)]);
  if (type === 'EventBridge') return policy('EventBridgePolicy', [statement('events:PutEvents', arn)]);
  if (type === 'Lambda') return policy('LambdaPolicy', [statement('lambda:InvokeFunction', arn)]);
  return policy('S3Policy', [statement('s3:PutObject', { 'Fn::Join': ['/', [arn, '*']] }), statement('s3:ListBucket', arn)]);
}

/** What the function's EventInvokeConfig gives its role: the policies for its destinations. */
export function addEventInvokeConfig(expansion: Expansion, id: string, resource: TemplateResource, config: unknown, alias: { id: string; name: unknown } | undefined): Properties[] {
  if (!isMap(config)) return [];
  const resolved = resolveParameterRefs(config, expansion.parameterValues) as Properties;
  const logicalId = `${id}EventInvokeConfig`;
  const passed = passedThrough(resource);
  const policies: Properties[] = [];
  const destinations: Properties = {};
  const given = resolved.DestinationConfig;
  if (given) {
    if (!isMap(given)) throw new TransformErrorFor(id, "Property 'EventInvokeConfig.DestinationConfig' should be a map.");
    for (const name of ['OnSuccess', 'OnFailure']) {
      const d = given[name];
      if (d === undefined || d === null) continue;
      if (!isMap(d)) throw new TransformErrorFor(id, `Property 'EventInvokeConfig.DestinationConfig.${name}' should be a map.`);
      if (typeof d.Type !== 'string' || !TYPES.includes(d.Type)) throw new TransformErrorFor(id, `'Type: ${d.Type ?? 'None'}' must be one of ${pythonList(TYPES)}`);
      const created = `${logicalId}${name}`;
      const [condition, arn] = destinationCondition(expansion, d.Destination, logicalId);
      let destination = d.Destination;
      if (d.Destination === undefined || d.Destination === null || condition !== undefined) {
        if (!CREATED.includes(d.Type)) throw new TransformErrorFor(id, `Destination is required if Type is not ${pythonList(CREATED)}`);
        const made = `${created}${d.Type === 'SQS' ? 'Queue' : 'Topic'}`;
        const combined = combinedCondition(expansion, id, passed.Condition as string | undefined, condition);
        expansion.resources[made] = { ...passed, ...(combined ? { Condition: combined } : {}), Type: d.Type === 'SQS' ? 'AWS::SQS::Queue' : 'AWS::SNS::Topic', Properties: {} } as TemplateResource;
        // A Ref of the created topic, the queue's Arn.
        const own = d.Type === 'SQS' ? { 'Fn::GetAtt': [made, 'Arn'] } : { Ref: made };
        destination = condition ? { 'Fn::If': [condition, own, arn] } : own;
        expansion.renamed.set(`${id}.Destination${d.Type === 'SQS' ? 'Queue' : 'Topic'}`, made);
      }
      policies.push(destinationPolicy(d.Type, created, destination));
      destinations[name] = { Destination: destination };
    }
  }
  expansion.resources[logicalId] = {
    ...(alias ? { DependsOn: [alias.id] } : {}),
    ...passed,
    Type: 'AWS::Lambda::EventInvokeConfig',
    Properties: defined({
      FunctionName: { Ref: id },
      Qualifier: alias ? alias.name : '$LATEST',
      DestinationConfig: destinations,
      MaximumEventAgeInSeconds: resolved.MaximumEventAgeInSeconds ?? undefined,
      MaximumRetryAttempts: resolved.MaximumRetryAttempts ?? undefined,
    }),
  } as TemplateResource;
  return policies;
}

/**
 * SAM's _get_or_make_condition: for a Destination `Fn::If` with an AWS::NoValue branch, the condition under which SAM
 * creates the destination (the If's, or a NOT of it SAM adds to the template) and the ARN otherwise.
 */
function destinationCondition(expansion: Expansion, destination: unknown, logicalId: string): [string | undefined, unknown] {
  if (!isMap(destination) || Object.keys(destination).length !== 1 || !Object.hasOwn(destination, 'Fn::If')) return [undefined, undefined];
  const items = destination['Fn::If'];
  if (!Array.isArray(items) || items.length !== 3) throw new TransformErrorFor(logicalId, "Malformed 'Destination' property: Fn::If requires 3 arguments.");
  const [condition, yes, no] = items as [string, unknown, unknown];
  if (isNoValue(yes) && isNoValue(no)) return [undefined, undefined];
  if (isNoValue(yes)) return [condition, no];
  if (isNoValue(no)) {
    const negated = conditionName(`NOT${condition}`, logicalId);
    expansion.conditions[negated] = { 'Fn::Not': [{ Condition: condition }] };
    return [negated, yes];
  }
  return [undefined, undefined];
}

/** SAM's _make_and_conditions: the function's condition and the destination's, combined as SAM writes it. */
function combinedCondition(expansion: Expansion, id: string, own: string | undefined, destination: string | undefined): string | undefined {
  if (own === undefined) return destination;
  if (destination === undefined) return own;
  const name = conditionName(`${own}AND${destination}`, id);
  // SAM wraps each operand in a Condition twice.
  expansion.conditions[name] = { 'Fn::And': [{ Condition: { Condition: own } }, { Condition: { Condition: destination } }] };
  return name;
}
