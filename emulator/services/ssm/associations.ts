import type { AssociationDescription, AssociationVersionInfo, CreateAssociationBatchRequestEntry, Target } from '@aws-sdk/client-ssm';
import { parseSchedule } from '../../core/schedule/expression.ts';
import { getDocument, selectVersion } from './documents/lookup.ts';
import { SsmErrors } from './errors.ts';
import type { SsmContext } from './parameters.ts';

/** Target keys an association or maintenance window target may use (SSM API reference, `Target`). */
const TARGET_KEYS = /^(InstanceIds|WindowTargetIds|ParameterValues|tag-key|tag:.+|resource-groups:Name|resource-groups:ResourceTypeFilters|ResourceGroup)$/;

export function checkTargets(targets: Target[] | undefined): void {
  for (const target of targets ?? []) {
    if (!TARGET_KEYS.test(target.Key ?? '')) throw SsmErrors.invalidTarget(`Target key ${target.Key} is not valid.`);
  }
}

/** Association schedules: cron or rate expressions, a rate of at least 30 minutes (Systems Manager user guide). */
export function checkAssociationSchedule(expression: string | undefined, offset: number | undefined): void {
  if (expression === undefined) {
    if (offset !== undefined) throw SsmErrors.invalidSchedule('ScheduleOffset can be used only with cron expressions.');
    return;
  }
  const schedule = parseSchedule(expression);
  if (!schedule) throw SsmErrors.invalidSchedule(`Schedule expression ${expression} is not valid.`);
  if (schedule.kind === 'rate' && schedule.periodMs < 30 * 60_000) throw SsmErrors.invalidSchedule('The minimum rate for an association is 30 minutes.');
  if (offset !== undefined && schedule.kind !== 'cron') throw SsmErrors.invalidSchedule('ScheduleOffset can be used only with cron expressions.');
}

/** The document the association runs, and its parameters checked against what the document version declares. */
export function checkDocumentAndParameters(ctx: SsmContext, entry: { Name?: string; DocumentVersion?: string; Parameters?: Record<string, string[]>; AutomationTargetParameterName?: string }): void {
  const document = getDocument(ctx, entry.Name!);
  const version = selectVersion(document, { DocumentVersion: entry.DocumentVersion });
  const declared = new Map(version.parameters.map((p) => [p.Name!, p]));
  for (const name of Object.keys(entry.Parameters ?? {})) {
    if (!declared.has(name)) throw SsmErrors.invalidParameters(`Parameter "${name}" is not defined in the document.`);
  }
  for (const [name, p] of declared) {
    const given = Object.hasOwn(entry.Parameters ?? {}, name) || name === entry.AutomationTargetParameterName;
    if (!given && p.DefaultValue === undefined && !name.endsWith('AssumeRole')) throw SsmErrors.invalidParameters(`Parameter "${name}" is required.`);
  }
}

/** The settings an association version records, from a create or update request (absent optional ones stay absent). */
export function settingsOf(entry: CreateAssociationBatchRequestEntry & { AssociationDispatchAssumeRole?: string }) {
  return {
    Name: entry.Name,
    DocumentVersion: entry.DocumentVersion ?? '$DEFAULT',
    Parameters: entry.Parameters,
    Targets: entry.Targets,
    ScheduleExpression: entry.ScheduleExpression,
    OutputLocation: entry.OutputLocation,
    AssociationName: entry.AssociationName,
    AutomationTargetParameterName: entry.AutomationTargetParameterName,
    MaxErrors: entry.MaxErrors,
    MaxConcurrency: entry.MaxConcurrency,
    ComplianceSeverity: entry.ComplianceSeverity,
    SyncCompliance: entry.SyncCompliance,
    ApplyOnlyAtCronInterval: entry.ApplyOnlyAtCronInterval ?? false,
    CalendarNames: entry.CalendarNames,
    TargetLocations: entry.TargetLocations,
    ScheduleOffset: entry.ScheduleOffset,
    Duration: entry.Duration,
    TargetMaps: entry.TargetMaps,
    AlarmConfiguration: entry.AlarmConfiguration,
    AssociationDispatchAssumeRole: entry.AssociationDispatchAssumeRole,
  };
}

/** The version record ListAssociationVersions returns for a description. */
export function versionInfo(rest: AssociationDescription): AssociationVersionInfo {
  return {
    AssociationId: rest.AssociationId,
    AssociationVersion: rest.AssociationVersion,
    CreatedDate: rest.LastUpdateAssociationDate,
    Name: rest.Name,
    DocumentVersion: rest.DocumentVersion,
    Parameters: rest.Parameters,
    Targets: rest.Targets,
    ScheduleExpression: rest.ScheduleExpression,
    OutputLocation: rest.OutputLocation,
    AssociationName: rest.AssociationName,
    MaxErrors: rest.MaxErrors,
    MaxConcurrency: rest.MaxConcurrency,
    ComplianceSeverity: rest.ComplianceSeverity,
    SyncCompliance: rest.SyncCompliance,
    ApplyOnlyAtCronInterval: rest.ApplyOnlyAtCronInterval,
    CalendarNames: rest.CalendarNames,
    TargetLocations: rest.TargetLocations,
    ScheduleOffset: rest.ScheduleOffset,
    Duration: rest.Duration,
    TargetMaps: rest.TargetMaps,
    AssociationDispatchAssumeRole: rest.AssociationDispatchAssumeRole,
  };
}
