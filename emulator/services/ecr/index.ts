import type { Handler, ServiceDefinition } from '../../core/service.ts';
import { loadModel } from '../../models/load.ts';
import { validateInput } from '../../protocols/validate.ts';
import * as creationTemplates from './operations/creation-templates.ts';
import { deleteLifecyclePolicy, deleteRepositoryPolicy, getLifecyclePolicy, getRepositoryPolicy, putLifecyclePolicy, setRepositoryPolicy } from './operations/policies.ts';
import * as pullThroughCache from './operations/pull-through-cache.ts';
import * as registry from './operations/registry.ts';
import { createRepository, deleteRepository, describeRepositories, putImageScanningConfiguration, putImageTagMutability } from './operations/repositories.ts';
import { listTagsForResource, tagResource, untagResource } from './operations/tags.ts';
import { EcrState } from './state.ts';

const model = loadModel('ecr');

/**
 * The registry's operations report what breaks their model's constraints as Coral does (ValidationException, "1
 * validation error detected: ..."), where the repository operations answer InvalidParameterException on their own.
 */
function coral(operation: string, handler: Handler<EcrState>): Handler<EcrState> {
  return (input, ctx) => {
    validateInput(model, model.operations[operation].input, input);
    return handler(input, ctx);
  };
}

const registryHandlers: Record<string, Handler<EcrState>> = {};
for (const module of [registry, pullThroughCache, creationTemplates]) {
  for (const [name, handler] of Object.entries(module)) {
    const operation = name.charAt(0).toUpperCase() + name.slice(1);
    registryHandlers[operation] = coral(operation, handler as Handler<EcrState>);
  }
}

/** ECR: the repository and registry operations `cdk bootstrap` and IaC tools use (images and layers are not served yet). */
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
  ...registryHandlers,
};

const ecr: ServiceDefinition<EcrState> = {
  name: 'ecr',
  model,
  handlers,
  createState: () => new EcrState(),
  // ECR reports bad parameters itself, as InvalidParameterException "Invalid parameter at '<member>' ...".
  validation: 'none',
  persistence: { classes: { EcrState } },
};

export default ecr;
