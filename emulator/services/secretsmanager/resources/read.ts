import type { Properties, ResourceDelete } from '../../cloudformation/provider.ts';
import { SecretsErrors } from '../errors.ts';

/** DescribeSecret of a secret that is not waiting for its deletion (such a secret is gone for CloudFormation). */
export async function describeLive(request: ResourceDelete): Promise<Properties> {
  const described = await request.call('secretsmanager', 'DescribeSecret', { SecretId: request.physicalId });
  if (described.DeletedDate !== undefined) throw SecretsErrors.notFound();
  return described;
}
