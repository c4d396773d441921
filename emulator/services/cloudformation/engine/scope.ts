import { partitionInfo, partitionOf } from '../../../core/arn.ts';
import { templateError, validationError } from '../errors.ts';
import { resolve, type ResolvedResource, type Scope } from '../template/intrinsics.ts';
import type { ParameterValue } from '../template/parameters.ts';
import type { Template } from '../template/parse.ts';
import type { CloudFormationState } from '../state.ts';

export interface StackIdentity {
  stackId: string;
  stackName: string;
  accountId: string;
  region: string;
  notificationArns: string[];
}

/** The pseudo parameters (`AWS::Region`...) of a stack. */
export function pseudoParameters(stack: StackIdentity): [string, unknown][] {
  return [
    ['AWS::AccountId', stack.accountId],
    ['AWS::Region', stack.region],
    ['AWS::StackId', stack.stackId],
    ['AWS::StackName', stack.stackName],
    ['AWS::Partition', partitionOf(stack.region)],
    ['AWS::URLSuffix', partitionInfo(stack.region).dnsSuffix],
    ['AWS::NotificationARNs', stack.notificationArns],
  ];
}

export interface StackScope extends Scope {
  /** Export names `Fn::ImportValue` read. */
  readonly imports: Set<string>;
}

/**
 * What intrinsic functions see while a stack is deployed: its parameters and pseudo parameters, its conditions
 * (evaluated once each), the resources that exist so far, and the account's exports.
 */
export function stackScope(
  template: Template,
  stack: StackIdentity,
  parameters: ParameterValue[],
  resources: (logicalId: string) => ResolvedResource | undefined,
  state: CloudFormationState,
): StackScope {
  const values = new Map<string, unknown>([...pseudoParameters(stack), ...parameters.map((p): [string, unknown] => [p.key, p.value])]);
  const conditions = new Map<string, boolean | 'evaluating'>();
  const imports = new Set<string>();
  const scope: StackScope = {
    template,
    parameters: values,
    imports,
    resource: resources,
    condition(name) {
      const known = conditions.get(name);
      if (known === 'evaluating') throw templateError(`Template error: circular condition dependency on ${name}`);
      if (known !== undefined) return known;
      if (!template.Conditions || !Object.hasOwn(template.Conditions, name)) {
        throw templateError(`Template format error: Unresolved dependencies [${name}]. Cannot reference resources in the Conditions block of the template`);
      }
      conditions.set(name, 'evaluating');
      const value = resolve(template.Conditions[name], scope);
      if (typeof value !== 'boolean') throw templateError(`Template format error: Conditions can only be boolean operations on parameters and other conditions`);
      conditions.set(name, value);
      return value;
    },
    importValue(name) {
      const found = state.exports.get(name);
      if (!found) throw validationError(`No export named ${name} found. Rollback requested by user.`);
      imports.add(name);
      return found.value;
    },
  };
  return scope;
}
