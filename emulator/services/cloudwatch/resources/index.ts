import { resourceTags, type Properties, type ResourceRequest, type ResourceType, type ResourceTypes } from '../../cloudformation/provider.ts';

const NUMBERS = ['Period', 'EvaluationPeriods', 'DatapointsToAlarm', 'Threshold'];

function alarmInput(request: ResourceRequest, name: string): Properties {
  const p = request.properties;
  const input: Properties = { AlarmName: name };
  for (const [key, value] of Object.entries(p)) {
    if (key === 'Tags') continue;
    input[key] = NUMBERS.includes(key) ? Number(value) : key === 'ActionsEnabled' ? String(value) === 'true' : value;
  }
  return input;
}

/** `AWS::CloudWatch::Alarm`: Ref is the alarm name; GetAtt Arn. */
const alarm: ResourceType = {
  async create(request) {
    const name: string = request.properties.AlarmName ?? request.physicalName({ maxLength: 255 });
    await request.call('cloudwatch', 'PutMetricAlarm', { ...alarmInput(request, name), Tags: resourceTags(request) });
    const { MetricAlarms } = await request.call('cloudwatch', 'DescribeAlarms', { AlarmNames: [name] });
    return { physicalId: name, attributes: { Arn: MetricAlarms[0].AlarmArn } };
  },
  async update(request) {
    await request.call('cloudwatch', 'PutMetricAlarm', alarmInput(request, request.physicalId));
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('cloudwatch', 'DeleteAlarms', { AlarmNames: [request.physicalId] });
  },
  createOnly: ['AlarmName'],
};

/** The CloudFormation resource types of CloudWatch. */
const types: ResourceTypes = {
  'AWS::CloudWatch::Alarm': alarm,
};

export default types;
