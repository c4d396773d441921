import { AwsError } from '../../../core/errors.ts';
import type { ResourceType } from '../../cloudformation/provider.ts';
import { adoptByReading, listUnder } from '../../cloudformation/read-back.ts';
import { readPermission } from './read.ts';

/** `AWS::Lambda::Permission`: one statement of the function's policy; Ref is its statement id. */
export const permission: ResourceType = {
  async create(request) {
    const p = request.properties;
    const statementId = request.physicalName({ maxLength: 100 });
    await request.call('lambda', 'AddPermission', {
      FunctionName: p.FunctionName,
      StatementId: statementId,
      Action: p.Action,
      Principal: p.Principal,
      SourceArn: p.SourceArn,
      SourceAccount: p.SourceAccount,
      EventSourceToken: p.EventSourceToken,
      PrincipalOrgID: p.PrincipalOrgID,
      FunctionUrlAuthType: p.FunctionUrlAuthType,
      InvokedViaFunctionUrl: p.InvokedViaFunctionUrl,
    });
    return { physicalId: statementId, attributes: { Id: statementId } };
  },
  async delete(request) {
    await request.call('lambda', 'RemovePermission', { FunctionName: request.properties.FunctionName, StatementId: request.physicalId });
  },
  read: readPermission,
  properties: ['FunctionName', 'Action', 'Principal', 'SourceArn', 'SourceAccount', 'EventSourceToken', 'PrincipalOrgID', 'FunctionUrlAuthType', 'InvokedViaFunctionUrl'],
  primaryIdentifier: ['FunctionName', 'Id'],
  adopt: adoptByReading(readPermission, (id) => id.Id, (id) => ({ Id: id.Id })),
  // Every statement of the function's policy (none when it has no policy).
  ...listUnder(['FunctionName'], 'Id', readPermission, async (request, { FunctionName }) => {
    try {
      const { Policy } = await request.call<{ Policy: string }>('lambda', 'GetPolicy', { FunctionName });
      return (JSON.parse(Policy).Statement as { Sid: string }[]).map((s) => s.Sid);
    } catch (error) {
      if (error instanceof AwsError && error.code === 'ResourceNotFoundException') return [];
      throw error;
    }
  }),
};
