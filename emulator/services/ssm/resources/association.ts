import type { Properties, ResourceType } from '../../cloudformation/provider.ts';

/** The association settings of a template, as CreateAssociation and UpdateAssociation take them. */
function settings(p: Properties) {
  return {
    Name: p.Name,
    AssociationName: p.AssociationName,
    DocumentVersion: p.DocumentVersion,
    Parameters: p.Parameters,
    Targets: p.Targets,
    ScheduleExpression: p.ScheduleExpression,
    ScheduleOffset: p.ScheduleOffset,
    OutputLocation: p.OutputLocation,
    AutomationTargetParameterName: p.AutomationTargetParameterName,
    MaxErrors: p.MaxErrors,
    MaxConcurrency: p.MaxConcurrency,
    ComplianceSeverity: p.ComplianceSeverity,
    SyncCompliance: p.SyncCompliance,
    ApplyOnlyAtCronInterval: p.ApplyOnlyAtCronInterval,
    CalendarNames: p.CalendarNames,
  };
}

/**
 * `AWS::SSM::Association`: Ref and GetAtt AssociationId. WaitForSuccessTimeoutSeconds is not understood: twinstack
 * runs no association, so none would ever succeed.
 */
export const association: ResourceType = {
  async create(request) {
    const { AssociationDescription } = await request.call('ssm', 'CreateAssociation', { ...settings(request.properties), InstanceId: request.properties.InstanceId });
    return { physicalId: AssociationDescription.AssociationId, attributes: { AssociationId: AssociationDescription.AssociationId } };
  },
  async update(request) {
    await request.call('ssm', 'UpdateAssociation', { ...settings(request.properties), AssociationId: request.physicalId });
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('ssm', 'DeleteAssociation', { AssociationId: request.physicalId });
  },
  async read(request) {
    const { AssociationDescription: d } = await request.call('ssm', 'DescribeAssociation', { AssociationId: request.physicalId });
    return { Name: d.Name, AssociationName: d.AssociationName, ScheduleExpression: d.ScheduleExpression, Parameters: d.Parameters, Targets: d.Targets };
  },
  createOnly: ['InstanceId'],
  properties: [
    'Name',
    'AssociationName',
    'DocumentVersion',
    'InstanceId',
    'Parameters',
    'Targets',
    'ScheduleExpression',
    'ScheduleOffset',
    'OutputLocation',
    'AutomationTargetParameterName',
    'MaxErrors',
    'MaxConcurrency',
    'ComplianceSeverity',
    'SyncCompliance',
    'ApplyOnlyAtCronInterval',
    'CalendarNames',
  ],
};
