import type { Properties } from '../../provider.ts';
import type { TemplateResource } from '../../template/parse.ts';
import { resolveParameterRefs, TransformErrorFor, type Expansion } from './context.ts';

// A function's `DeploymentPreference` as the SAM translator expands it: a CodeDeploy deployment group per function
// (`<Function>DeploymentGroup`) in one `ServerlessDeploymentApplication`, the `CodeDeployServiceRole` they use, and the
// alias's CodeDeployLambdaAliasUpdate policy. twinstack serves no CodeDeploy, so CloudFormation then refuses the
// template's CodeDeploy types as it refuses any type it does not know, rather than deploying without the preference.

const APPLICATION = 'ServerlessDeploymentApplication';
const SERVICE_ROLE = 'CodeDeployServiceRole';
const PREDEFINED = new Set([
  'Canary10Percent5Minutes',
  'Canary10Percent10Minutes',
  'Canary10Percent15Minutes',
  'Canary10Percent30Minutes',
  'Linear10PercentEvery1Minute',
  'Linear10PercentEvery2Minutes',
  'Linear10PercentEvery3Minutes',
  'Linear10PercentEvery10Minutes',
  'AllAtOnce',
]);

const isDict = (value: unknown): value is Properties => !!value && typeof value === 'object' && !Array.isArray(value);

/** A predefined configuration's name as SAM writes it: `CodeDeployDefault.Lambda<Type>` (inside intrinsics too). */
function configName(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => configName(v));
  if (isDict(value) && Object.keys(value).length === 1 && /^(Ref|Fn::.+)$/.test(Object.keys(value)[0])) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, configName(v, k)]));
  }
  if (typeof value === 'string' && PREDEFINED.has(value)) {
    const sub = ['CodeDeployDefault.Lambda${ConfigName}', { ConfigName: value }];
    return key === 'Fn::Sub' ? sub : { 'Fn::Sub': sub };
  }
  return value;
}

/** `Alarms` as the deployment group's AlarmConfiguration. */
function alarmConfiguration(owner: string, alarms: unknown): unknown {
  if (!alarms) return undefined;
  if (!Array.isArray(alarms)) throw new TransformErrorFor(owner, 'Alarms must be a list');
  return alarms.length ? { Enabled: true, Alarms: alarms.map((Name) => ({ Name })) } : {};
}

/**
 * Adds what the function's DeploymentPreference makes, and the alias's update policy (`alias`: its logical id, when
 * the function has AutoPublishAlias). A disabled preference makes nothing.
 */
export function addDeploymentPreference(expansion: Expansion, owner: string, preference: unknown, alias: string | undefined, condition: string | undefined): void {
  if (!isDict(preference)) return;
  const enabled = resolveParameterRefs(preference.Enabled ?? true, expansion.parameterValues);
  if (enabled === false || enabled === 'false' || enabled === 'False') return;
  if (preference.Type === undefined) throw new TransformErrorFor(owner, "'DeploymentPreference' is missing required Property 'Type'");
  const hooks = preference.Hooks ?? {};
  if (!isDict(hooks)) throw new TransformErrorFor(owner, "'Hooks' property of 'DeploymentPreference' must be a dictionary");
  if (!alias) throw new TransformErrorFor(owner, "'DeploymentPreference' requires AutoPublishAlias property to be specified.");
  const group = `${owner}DeploymentGroup`;
  const passthrough = resolveParameterRefs(preference.PassthroughCondition ?? false, expansion.parameterValues);
  const update: Properties = { ApplicationName: { Ref: APPLICATION }, DeploymentGroupName: { Ref: group } };
  if (hooks.PreTraffic !== undefined) update.BeforeAllowTrafficHook = hooks.PreTraffic;
  if (hooks.PostTraffic !== undefined) update.AfterAllowTrafficHook = hooks.PostTraffic;
  (expansion.resources[alias] as TemplateResource & { UpdatePolicy?: unknown }).UpdatePolicy = { CodeDeployLambdaAliasUpdate: update };
  expansion.deploymentGroups.set(group, {
    ...(condition && passthrough === true ? { Condition: condition } : {}),
    Type: 'AWS::CodeDeploy::DeploymentGroup',
    Properties: Object.fromEntries(
      Object.entries({
        AlarmConfiguration: alarmConfiguration(owner, preference.Alarms),
        ApplicationName: { Ref: APPLICATION },
        AutoRollbackConfiguration: { Enabled: true, Events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM', 'DEPLOYMENT_STOP_ON_REQUEST'] },
        DeploymentConfigName: configName(resolveParameterRefs(preference.Type, expansion.parameterValues)),
        DeploymentStyle: { DeploymentType: 'BLUE_GREEN', DeploymentOption: 'WITH_TRAFFIC_CONTROL' },
        ServiceRoleArn: preference.Role ?? { 'Fn::GetAtt': [SERVICE_ROLE, 'Arn'] },
        TriggerConfigurations: preference.TriggerConfigurations,
      }).filter(([, v]) => v !== undefined),
    ),
  });
}

/** After every resource, as SAM adds them: the application, the service role (unless every group has its Role), the groups. */
export function addCodeDeployResources(expansion: Expansion): void {
  if (!expansion.deploymentGroups.size) return;
  expansion.resources[APPLICATION] = { Type: 'AWS::CodeDeploy::Application', Properties: { ComputePlatform: 'Lambda' } };
  const groups = [...expansion.deploymentGroups];
  if (groups.some(([, group]) => JSON.stringify((group.Properties as Properties).ServiceRoleArn) === JSON.stringify({ 'Fn::GetAtt': [SERVICE_ROLE, 'Arn'] }))) {
    expansion.resources[SERVICE_ROLE] = {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Action: ['sts:AssumeRole'], Effect: 'Allow', Principal: { Service: ['codedeploy.amazonaws.com'] } }] },
        ManagedPolicyArns: [`arn:${expansion.partition}:iam::aws:policy/service-role/AWSCodeDeployRoleForLambda`],
      },
    };
  }
  for (const [id, group] of groups) expansion.resources[id] = group;
}
