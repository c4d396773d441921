import type { SsmDocument } from '../state.ts';
import { readContent } from './content.ts';

interface Catalogued {
  name: string;
  type: 'Command' | 'Automation' | 'Session' | 'Policy';
  description: string;
  /** Parameter name to [type, description, default?]. */
  parameters: Record<string, [string, string, unknown?]>;
  body: Record<string, unknown>;
}

const commands = (action: string): Record<string, unknown> => ({
  schemaVersion: '2.2',
  mainSteps: [{ action, name: action.replace('aws:', ''), inputs: { runCommand: '{{ commands }}', workingDirectory: '{{ workingDirectory }}', timeoutSeconds: '{{ executionTimeout }}' } }],
});
const scriptParameters: Catalogued['parameters'] = {
  commands: ['StringList', 'Specify a shell script or a command to run.'],
  workingDirectory: ['String', '(Optional) The path to the working directory on your instance.', ''],
  executionTimeout: ['String', '(Optional) The time in seconds for a command to complete before it is considered to have failed. Default is 3600 (1 hour). Maximum is 172800 (48 hours).', '3600'],
};
const instanceAction = (verb: string): Catalogued['body'] => ({
  schemaVersion: '0.3',
  assumeRole: '{{ AutomationAssumeRole }}',
  mainSteps: [{ name: `${verb.toLowerCase()}Instances`, action: 'aws:changeInstanceState', inputs: { InstanceIds: '{{ InstanceId }}', DesiredState: verb === 'Stop' ? 'stopped' : 'running' } }],
});
const instanceParameters: Catalogued['parameters'] = {
  InstanceId: ['StringList', '(Required) EC2 Instance(s) to act on'],
  AutomationAssumeRole: ['String', '(Optional) The ARN of the role that allows Automation to perform the actions on your behalf.', ''],
};

/**
 * The AWS-owned documents templates and scripts reference most (owner `Amazon`), so that associations, maintenance
 * window tasks and DescribeDocument can name them. Their parameters are the ones AWS documents for each; their
 * bodies are summaries (one step each), not AWS's full content.
 */
const CATALOGUE: Catalogued[] = [
  { name: 'AWS-RunShellScript', type: 'Command', description: 'Run a shell script or specify the commands to run.', parameters: scriptParameters, body: commands('aws:runShellScript') },
  { name: 'AWS-RunPowerShellScript', type: 'Command', description: 'Run a PowerShell script or specify the paths to scripts to run.', parameters: scriptParameters, body: commands('aws:runPowerShellScript') },
  {
    name: 'AWS-RunPatchBaseline',
    type: 'Command',
    description: 'Scans for or installs patches from a patch baseline to a Linux or Windows operating system.',
    parameters: {
      Operation: ['String', '(Required) The update or configuration to perform on the instance.'],
      RebootOption: ['String', '(Optional) Reboot behavior after a patch Install operation.', 'RebootIfNeeded'],
    },
    body: { schemaVersion: '2.2', mainSteps: [{ action: 'aws:runDocument', name: 'PatchOperation', inputs: { documentType: 'SSMDocument', documentPath: 'AWS-RunPatchBaseline' } }] },
  },
  {
    name: 'AWS-UpdateSSMAgent',
    type: 'Command',
    description: 'Update the Amazon SSM Agent to the specified version.',
    parameters: { version: ['String', '(Optional) A specific version of the Amazon SSM Agent to install.', ''], allowDowngrade: ['String', '(Optional) Allow the Amazon SSM Agent service to be downgraded.', 'false'] },
    body: { schemaVersion: '2.2', mainSteps: [{ action: 'aws:updateSsmAgent', name: 'updateSsmAgent', inputs: { agentName: 'amazon-ssm-agent', targetVersion: '{{ version }}' } }] },
  },
  {
    name: 'AWS-GatherSoftwareInventory',
    type: 'Policy',
    description: 'Software Inventory Policy Document.',
    parameters: { applications: ['String', '(Optional, Default=Enabled) Collect data for installed applications.', 'Enabled'] },
    body: { schemaVersion: '2.0', mainSteps: [{ action: 'aws:softwareInventory', name: 'collectSoftwareInventoryItems', inputs: { applications: '{{ applications }}' } }] },
  },
  {
    name: 'AWS-ConfigureAWSPackage',
    type: 'Command',
    description: 'Install or uninstall a Distributor package.',
    parameters: { action: ['String', '(Required) Specify whether or not to install or uninstall the package.'], name: ['String', '(Required) The package to install/uninstall.'] },
    body: { schemaVersion: '2.2', mainSteps: [{ action: 'aws:configurePackage', name: 'configurePackage', inputs: { name: '{{ name }}', action: '{{ action }}' } }] },
  },
  { name: 'AWS-StartEC2Instance', type: 'Automation', description: 'Start EC2 instances', parameters: instanceParameters, body: instanceAction('Start') },
  { name: 'AWS-StopEC2Instance', type: 'Automation', description: 'Stop EC2 instances', parameters: instanceParameters, body: instanceAction('Stop') },
  { name: 'AWS-RestartEC2Instance', type: 'Automation', description: 'Restart EC2 instances', parameters: instanceParameters, body: instanceAction('Restart') },
  {
    name: 'AWS-StartPortForwardingSession',
    type: 'Session',
    description: 'Document to start port forwarding session over Session Manager',
    parameters: { portNumber: ['String', '(Optional) Port number of the server on the instance', '80'], localPortNumber: ['String', "(Optional) Port number on local machine to forward traffic to. An open port is chosen at run-time if not provided", '0'] },
    body: { schemaVersion: '1.0', sessionType: 'Port', properties: { portNumber: '{{ portNumber }}', type: 'LocalPortForwarding', localPortNumber: '{{ localPortNumber }}' } },
  },
];

/** When these documents were published, as far as the emulator is concerned. */
const PUBLISHED = new Date('2017-09-12T00:00:00Z');

let documents: Map<string, SsmDocument> | undefined;

/** The AWS-owned documents by name (the same in every account and region). */
export function awsDocuments(): Map<string, SsmDocument> {
  documents ??= new Map(
    CATALOGUE.map((entry) => {
      const parameters = Object.fromEntries(
        Object.entries(entry.parameters).map(([name, [type, description, def]]) => [name, { type, description, ...(def === undefined ? {} : { default: def }) }]),
      );
      const content = JSON.stringify({ ...entry.body, description: entry.description, parameters }, null, 2);
      const record = readContent({ Content: content }, entry.type, '1', PUBLISHED);
      const document: SsmDocument = {
        name: entry.name,
        owner: 'Amazon',
        documentType: entry.type,
        createdDate: PUBLISHED,
        versions: new Map([['1', record]]),
        latestVersion: '1',
        defaultVersion: '1',
        sharedWith: new Set(),
        tags: [],
      };
      return [entry.name, document];
    }),
  );
  return documents;
}
