import type { GetServiceSettingCommandInput, ResetServiceSettingCommandInput, UpdateServiceSettingCommandInput } from '@aws-sdk/client-ssm';
import { buildArn, parseArn } from '../../../core/arn.ts';
import { SsmErrors } from '../errors.ts';
import type { SsmContext } from '../parameters.ts';

/**
 * The service settings, their defaults and values (SSM API reference, UpdateServiceSetting `SettingValue`): the
 * accepted values, or none listed where any value is taken (a log group or role name).
 */
const SETTINGS: Record<string, { defaultValue: string; values?: string[] }> = {
  '/ssm/appmanager/appmanager-enabled': { defaultValue: 'False', values: ['True', 'False'] },
  '/ssm/automation/customer-script-log-destination': { defaultValue: 'None', values: ['CloudWatch'] },
  '/ssm/automation/customer-script-log-group-name': { defaultValue: '/aws/ssm/automation/executeScript' },
  '/ssm/automation/enable-adaptive-concurrency': { defaultValue: 'False', values: ['True', 'False'] },
  '/ssm/documents/console/public-sharing-permission': { defaultValue: 'Enable', values: ['Enable', 'Disable'] },
  '/ssm/managed-instance/activation-tier': { defaultValue: 'standard', values: ['standard', 'advanced'] },
  '/ssm/managed-instance/default-ec2-instance-management-role': { defaultValue: '' },
  '/ssm/opsinsights/opscenter': { defaultValue: 'Disabled', values: ['Enabled', 'Disabled'] },
  '/ssm/parameter-store/default-parameter-tier': { defaultValue: 'Standard', values: ['Standard', 'Advanced', 'Intelligent-Tiering'] },
  '/ssm/parameter-store/high-throughput-enabled': { defaultValue: 'false', values: ['true', 'false'] },
};

/** The setting id a SettingId names: the id itself, or the `servicesetting/...` ARN of the caller's account. */
function settingId(ctx: SsmContext, reference: string): string {
  let id = reference;
  if (reference.startsWith('arn:')) {
    const arn = parseArn(reference);
    if (!arn || arn.accountId !== ctx.state.accountId || arn.region !== ctx.region || !arn.resource.startsWith('servicesetting/')) throw SsmErrors.settingNotFound(reference);
    id = arn.resource.slice('servicesetting'.length);
  }
  if (!Object.hasOwn(SETTINGS, id)) throw SsmErrors.settingNotFound(reference);
  return id;
}

/** A setting's value as the rest of SSM reads it (e.g. PutParameter's default tier). */
export function settingValue(ctx: SsmContext, id: string): string {
  return ctx.state.serviceSettings.get(id)?.value ?? SETTINGS[id].defaultValue;
}

function view(ctx: SsmContext, id: string) {
  const changed = ctx.state.serviceSettings.get(id);
  return {
    SettingId: id,
    SettingValue: settingValue(ctx, id),
    // AWS's own defaults were last modified by "System" (AWS CLI reference, get-service-setting example).
    LastModifiedDate: changed?.lastModifiedDate ?? new Date(0),
    LastModifiedUser: changed?.lastModifiedUser ?? 'System',
    ARN: buildArn({ service: 'ssm', region: ctx.region, accountId: ctx.state.accountId, resource: `servicesetting${id}` }),
    Status: changed ? 'Customized' : 'Default',
  };
}

export function getServiceSetting(input: GetServiceSettingCommandInput, ctx: SsmContext) {
  return { ServiceSetting: view(ctx, settingId(ctx, input.SettingId!)) };
}

export function updateServiceSetting(input: UpdateServiceSettingCommandInput, ctx: SsmContext) {
  const id = settingId(ctx, input.SettingId!);
  const accepted = SETTINGS[id].values;
  if (accepted && !accepted.includes(input.SettingValue!)) {
    throw SsmErrors.validation(`The value ${input.SettingValue} is not valid for the setting ${id}. Valid values are: ${accepted.join(', ')}.`);
  }
  ctx.state.serviceSettings.set(id, { value: input.SettingValue!, lastModifiedDate: ctx.emulator.clock.date(), lastModifiedUser: ctx.caller.arn });
  return {};
}

export function resetServiceSetting(input: ResetServiceSettingCommandInput, ctx: SsmContext) {
  const id = settingId(ctx, input.SettingId!);
  ctx.state.serviceSettings.delete(id);
  return { ServiceSetting: view(ctx, id) };
}
