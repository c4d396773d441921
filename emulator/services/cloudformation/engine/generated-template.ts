import type { DescribeGeneratedTemplateOutput } from '@aws-sdk/client-cloudformation';
import type { ResourceRequest, ResourceType } from '../provider.ts';

/** The attributes `Fn::GetAtt` reads, as DescribeGeneratedTemplate answers them. */
async function described(request: ResourceRequest, id: string) {
  const out = await request.call<DescribeGeneratedTemplateOutput>('cloudformation', 'DescribeGeneratedTemplate', { GeneratedTemplateName: id });
  const { GeneratedTemplateId, Status, Progress, TotalWarnings, CreationTime, LastUpdatedTime } = out;
  return {
    physicalId: GeneratedTemplateId!,
    attributes: { GeneratedTemplateId, Status, Progress, TotalWarnings, CreationTime: CreationTime?.toISOString(), LastUpdatedTime: LastUpdatedTime?.toISOString() },
  };
}

/**
 * `AWS::CloudFormation::GeneratedTemplate`: an IaC generator template (CreateGeneratedTemplate), renamed and
 * reconfigured in place (UpdateGeneratedTemplate), deleted with DeleteGeneratedTemplate. Ref is its id (an ARN).
 */
export const generatedTemplateType: ResourceType = {
  properties: ['GeneratedTemplateName', 'TemplateConfiguration'],
  primaryIdentifier: ['GeneratedTemplateId'],
  async create(request) {
    const { GeneratedTemplateName, TemplateConfiguration } = request.properties;
    const { GeneratedTemplateId } = await request.call<{ GeneratedTemplateId: string }>('cloudformation', 'CreateGeneratedTemplate', { GeneratedTemplateName, TemplateConfiguration });
    return described(request, GeneratedTemplateId);
  },
  async update(request) {
    const { GeneratedTemplateName, TemplateConfiguration } = request.properties;
    await request.call('cloudformation', 'UpdateGeneratedTemplate', { GeneratedTemplateName: request.physicalId, NewGeneratedTemplateName: GeneratedTemplateName, TemplateConfiguration });
    return described(request, request.physicalId);
  },
  async delete(request) {
    await request.call('cloudformation', 'DeleteGeneratedTemplate', { GeneratedTemplateName: request.physicalId });
  },
};
