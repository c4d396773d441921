import type { Handler, ServiceDefinition } from '../../core/service.ts';
import { loadModel } from '../../models/load.ts';
import {
  createResource,
  deleteResource,
  getResource,
  getResourceRequestStatus,
  listResourceRequests,
  listResources,
  updateResource,
} from './operations/resources.ts';
import { CloudControlState } from './state.ts';

/** Cloud Control API: the CloudFormation resource types of every service, one resource at a time. */
const handlers: Record<string, Handler<CloudControlState>> = {
  CreateResource: createResource,
  GetResource: getResource,
  UpdateResource: updateResource,
  DeleteResource: deleteResource,
  ListResources: listResources,
  GetResourceRequestStatus: getResourceRequestStatus,
  ListResourceRequests: listResourceRequests,
};

const cloudcontrol: ServiceDefinition<CloudControlState> = {
  name: 'cloudcontrol',
  model: loadModel('cloudcontrol'),
  handlers,
  createState: () => new CloudControlState(),
  validation: 'coral',
  persistence: { classes: { CloudControlState } },
};

export default cloudcontrol;
