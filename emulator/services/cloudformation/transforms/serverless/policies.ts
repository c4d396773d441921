import type { Properties } from '../../provider.ts';
import { TransformErrorFor } from './context.ts';
import { PARTITION_BITS, SAM_MANAGED_POLICIES } from './sam-managed-policies.ts';
import { SAM_POLICY_TEMPLATES } from './sam-policy-templates.ts';

/** Python's `str()` of a list of strings, as SAM's messages print one. */
const pythonList = (items: string[]) => `[${items.map((i) => `'${i}'`).join(', ')}]`;

const isIntrinsic = (value: unknown) => !!value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1 && /^(Ref|Fn::.+)$/.test(Object.keys(value)[0]);

/** A policy template with the values given for its parameters: each `Ref` to a parameter replaced by its value. */
function policyTemplate(owner: string, name: string, values: unknown): Properties {
  const template = SAM_POLICY_TEMPLATES[name];
  if (!values || typeof values !== 'object' || Array.isArray(values)) throw new TransformErrorFor(owner, `Must specify valid parameter values for policy template '${name}'`);
  const given = values as Properties;
  const missing = template.Parameters.filter((p) => !Object.hasOwn(given, p));
  if (missing.length) throw new TransformErrorFor(owner, `Following required parameters of template '${name}' don't have values: ${pythonList(missing)}`);
  const resolve = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(resolve);
    if (!value || typeof value !== 'object') return value;
    const ref = (value as { Ref?: unknown }).Ref;
    if (typeof ref === 'string' && template.Parameters.includes(ref)) return given[ref];
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
  };
  return resolve(template.Definition) as Properties;
}

const isTemplate = (entry: unknown) => !!entry && typeof entry === 'object' && !Array.isArray(entry) && Object.keys(entry).length === 1 && Object.hasOwn(SAM_POLICY_TEMPLATES, Object.keys(entry)[0]);

/**
 * A managed policy name as SAM resolves it: the ARN of the AWS managed policy of that name in its bundled list for the
 * partition (with its path: `service-role/…`), else the name as given (an ARN, or a name IAM will refuse).
 */
export function managedPolicyArn(name: string, partition: string): string {
  const bit = PARTITION_BITS[partition] ?? 0;
  for (const [path, names] of Object.entries(SAM_MANAGED_POLICIES)) {
    if (Object.hasOwn(names, name) && names[name] & bit) return `arn:${partition}:iam::aws:policy/${path}${name}`;
  }
  return name;
}

/** One `Policies` entry of a function or state machine as IAM policy statements, or a managed policy ARN. */
export function policyEntry(entry: unknown, owner: string, partition: string, index: number): { managed?: unknown; document?: Properties; conditionalDocument?: { 'Fn::If': unknown[] } } {
  if (typeof entry === 'string') return { managed: managedPolicyArn(entry, partition) };
  if (!entry || typeof entry !== 'object') throw new TransformErrorFor(owner, "Type of property 'Policies' is invalid.");
  const object = entry as Properties;
  const choice = object['Fn::If'];
  if (Array.isArray(choice) && choice.length === 3 && Object.keys(object).length === 1) {
    const [condition, yes, no] = choice;
    const isNoValue = (value: unknown) => (value as { Ref?: unknown })?.Ref === 'AWS::NoValue';
    // SAM's policy type of the condition: its branches', AWS::NoValue taking the other's.
    const kind = (value: unknown) => (typeof value === 'string' || (isIntrinsic(value) && !isNoValue(value)) ? 'managed' : isTemplate(value) ? 'template' : value && typeof value === 'object' && 'Statement' in value ? 'document' : 'none');
    const kinds = new Set([yes, no].filter((v) => !isNoValue(v)).map(kind));
    if (kinds.size > 1) throw new Error('Structure of the SAM template is invalid. Different policy types within the same Fn::If statement is unsupported. Separate different policy types into different Fn::If statements');
    const branch = (value: unknown) => (isNoValue(value) ? value : isTemplate(value) ? policyTemplate(owner, Object.keys(value as Properties)[0], Object.values(value as Properties)[0]) : typeof value === 'string' ? managedPolicyArn(value, partition) : value);
    const resolved = { 'Fn::If': [condition, branch(yes), branch(no)] };
    return kinds.has('managed') ? { managed: resolved } : { conditionalDocument: resolved };
  }
  if (isIntrinsic(object)) return { managed: entry };
  if ('Statement' in object) return { document: object };
  if (isTemplate(object)) return { document: policyTemplate(owner, Object.keys(object)[0], Object.values(object)[0]) };
  throw new TransformErrorFor(owner, `Policy at index ${index} in the 'Policies' property is not valid`);
}

/** The execution role SAM makes for a function or state machine: `<id>Role`, assumed by `service` (`leading`: SAM's own policies before the Policies'). */
export function executionRole(owner: string, service: string, policies: unknown, managed: unknown[], partition: string, properties: Properties = {}, leading: Properties[] = []): Properties {
  const entries = policies === undefined ? [] : Array.isArray(policies) ? policies : [policies];
  const managedArns = [...managed];
  const inline: Properties[] = [...leading];
  entries.forEach((entry, index) => {
    const { managed: arn, document, conditionalDocument } = policyEntry(entry, owner, partition, index);
    // SAM lists each managed policy once (AWSLambdaBasicExecutionRole may be given again).
    if (arn !== undefined && !managedArns.some((known) => JSON.stringify(known) === JSON.stringify(arn))) managedArns.push(arn);
    // Named after the entry's place among all the Policies.
    const named = (policy: unknown) => ({ PolicyName: `${owner}RolePolicy${index}`, PolicyDocument: policy });
    if (document) inline.push(named(document));
    if (conditionalDocument) {
      const [condition, yes, no] = conditionalDocument['Fn::If'];
      const isNoValue = (value: unknown) => (value as { Ref?: unknown })?.Ref === 'AWS::NoValue';
      inline.push({ 'Fn::If': [condition, isNoValue(yes) ? yes : named(yes), isNoValue(no) ? no : named(no)] });
    }
  });
  return {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Action: ['sts:AssumeRole'], Effect: 'Allow', Principal: { Service: [service] } }] },
      // SAM always lists the managed policies, even none.
      ManagedPolicyArns: managedArns,
      ...(inline.length ? { Policies: inline } : {}),
      ...properties,
    },
  };
}
