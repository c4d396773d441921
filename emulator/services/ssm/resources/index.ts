import type { ResourceTypes } from '../../cloudformation/provider.ts';
import { association } from './association.ts';
import { document } from './document.ts';
import { opsItem } from './ops-item.ts';
import { maintenanceWindow, maintenanceWindowTarget, maintenanceWindowTask } from './maintenance-window.ts';
import { parameter } from './parameter.ts';
import { patchBaseline } from './patch-baseline.ts';
import { resourceDataSync } from './resource-data-sync.ts';
import { resourcePolicy } from './resource-policy.ts';
import { serviceSetting } from './service-setting.ts';

/** The CloudFormation resource types of Systems Manager. */
const types: ResourceTypes = {
  'AWS::SSM::Parameter': parameter,
  'AWS::SSM::Document': document,
  'AWS::SSM::Association': association,
  'AWS::SSM::MaintenanceWindow': maintenanceWindow,
  'AWS::SSM::MaintenanceWindowTarget': maintenanceWindowTarget,
  'AWS::SSM::MaintenanceWindowTask': maintenanceWindowTask,
  'AWS::SSM::PatchBaseline': patchBaseline,
  'AWS::SSM::ResourceDataSync': resourceDataSync,
  'AWS::SSM::ResourcePolicy': resourcePolicy,
  'AWS::SSM::ServiceSetting': serviceSetting,
  'AWS::SSM::OpsItem': opsItem,
};

export default types;
