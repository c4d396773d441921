import type { Handler, ServiceDefinition } from '../../core/service.ts';
import { loadModel } from '../../models/load.ts';
import { deleteLifecyclePolicy, deleteRepositoryPolicy, getLifecyclePolicy, getRepositoryPolicy, putLifecyclePolicy, setRepositoryPolicy } from './operations/policies.ts';
import { createRepository, deleteRepository, describeRepositories, putImageScanningConfiguration, putImageTagMutability } from './operations/repositories.ts';
import { listTagsForResource, tagResource, untagResource } from './operations/tags.ts';
import { EcrState } from './state.ts';

/** ECR: the repository operations `cdk bootstrap` and IaC tools use (images and layers are not served yet). */
const handlers: Record<string, Handler<EcrState>> = {
  CreateRepository: createRepository,
  DescribeRepositories: describeRepositories,
  DeleteRepository: deleteRepository,
  PutImageTagMutability: putImageTagMutability,
  PutImageScanningConfiguration: putImageScanningConfiguration,
  PutLifecyclePolicy: putLifecyclePolicy,
  GetLifecyclePolicy: getLifecyclePolicy,
  DeleteLifecyclePolicy: deleteLifecyclePolicy,
  SetRepositoryPolicy: setRepositoryPolicy,
  GetRepositoryPolicy: getRepositoryPolicy,
  DeleteRepositoryPolicy: deleteRepositoryPolicy,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
};

const ecr: ServiceDefinition<EcrState> = {
  name: 'ecr',
  model: loadModel('ecr'),
  handlers,
  createState: () => new EcrState(),
  // ECR reports bad parameters itself, as InvalidParameterException "Invalid parameter at '<member>' ...".
  validation: 'none',
  persistence: { classes: { EcrState } },
};

export default ecr;
