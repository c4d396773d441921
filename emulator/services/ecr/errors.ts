import { AwsError } from '../../core/errors.ts';

/** ECR's messages name the repository and the registry (the account). */
export const EcrErrors = {
  notFound: (name: string, registry: string) =>
    new AwsError('RepositoryNotFoundException', `The repository with name '${name}' does not exist in the registry with id '${registry}'`),
  alreadyExists: (name: string, registry: string) =>
    new AwsError('RepositoryAlreadyExistsException', `The repository with name '${name}' already exists in the registry with id '${registry}'`),
  notEmpty: (name: string, registry: string) =>
    new AwsError('RepositoryNotEmptyException', `The repository with name '${name}' in registry with id '${registry}' cannot be deleted because it still contains images`),
  lifecycleNotFound: (name: string, registry: string) =>
    new AwsError('LifecyclePolicyNotFoundException', `Lifecycle policy does not exist for the repository with name '${name}' in the registry with id '${registry}'`),
  policyNotFound: (name: string, registry: string) =>
    new AwsError('RepositoryPolicyNotFoundException', `Repository policy does not exist for the repository with name '${name}' in the registry with id '${registry}'`),
  invalid: (message: string) => new AwsError('InvalidParameterException', message),
  registryPolicyNotFound: (registry: string) =>
    new AwsError('RegistryPolicyNotFoundException', `Registry policy does not exist in the registry with id '${registry}'`),
  // The messages below are ours in ECR's words: no AWS recording of them is at hand.
  ruleExists: (prefix: string, registry: string) =>
    new AwsError('PullThroughCacheRuleAlreadyExistsException', `A pull through cache rule with prefix '${prefix}' already exists in the registry with id '${registry}'`),
  ruleNotFound: (prefix: string, registry: string) =>
    new AwsError('PullThroughCacheRuleNotFoundException', `The pull through cache rule with prefix '${prefix}' does not exist in the registry with id '${registry}'`),
  templateExists: (prefix: string, registry: string) =>
    new AwsError('TemplateAlreadyExistsException', `The repository creation template with prefix '${prefix}' already exists in the registry with id '${registry}'`),
  templateNotFound: (prefix: string, registry: string) =>
    new AwsError('TemplateNotFoundException', `The repository creation template with prefix '${prefix}' does not exist in the registry with id '${registry}'`),
};
