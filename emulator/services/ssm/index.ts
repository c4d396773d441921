import type { Handler, ServiceDefinition } from '../../core/service.ts';
import { loadModel } from '../../models/load.ts';
import { deleteParameter, deleteParameters } from './operations/delete.ts';
import { describeParameters, getParameterHistory } from './operations/describe.ts';
import { getParameter, getParameters, getParametersByPath } from './operations/get.ts';
import { labelParameterVersion, unlabelParameterVersion } from './operations/labels.ts';
import { putParameter } from './operations/put.ts';
import { addTagsToResource, listTagsForResource, removeTagsFromResource } from './operations/tags.ts';
import { createSsmState, type SsmState } from './state.ts';

/** Parameter Store: the SSM operations IaC tools and applications use (the other SSM features are not served). */
const handlers: Record<string, Handler<SsmState>> = {
  PutParameter: putParameter,
  GetParameter: getParameter,
  GetParameters: getParameters,
  GetParametersByPath: getParametersByPath,
  DescribeParameters: describeParameters,
  GetParameterHistory: getParameterHistory,
  LabelParameterVersion: labelParameterVersion,
  UnlabelParameterVersion: unlabelParameterVersion,
  DeleteParameter: deleteParameter,
  DeleteParameters: deleteParameters,
  AddTagsToResource: addTagsToResource,
  RemoveTagsFromResource: removeTagsFromResource,
  ListTagsForResource: listTagsForResource,
};

const ssm: ServiceDefinition<SsmState> = {
  name: 'ssm',
  model: loadModel('ssm'),
  handlers,
  createState: createSsmState,
  validation: 'coral',
};

export default ssm;
