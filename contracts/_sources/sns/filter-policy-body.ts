// The MessageBody filter policies of LocalStack's AWS-validated TestSNSFilterPolicyBody
// (tests/aws/services/sns/test_sns_filter_policy.py, Apache-2.0) and the documents each test publishes, in its order,
// with AWS's verdict on each: delivered (in the test's snapshot) or not (the test asserts an empty queue). Shared by
// the contract source (sns-filter-policy.ts) and test/sns/filter-policy-body.test.ts. Documents may hold templates
// (`{{partition}}`) where nothing filters on them.

export interface BodyFilterCase {
  policy: object;
  /** What the test publishes (a string is sent as it is, anything else as its JSON text), in the test's order. */
  published: { document: unknown; delivered: boolean }[];
}

const delivered = (...documents: unknown[]) => documents.map((document) => ({ document, delivered: true }));
const refused = (...documents: unknown[]) => documents.map((document) => ({ document, delivered: false }));

/** The documents of a case AWS delivered. */
export const deliveredOf = (c: BodyFilterCase) => c.published.filter((p) => p.delivered).map((p) => p.document);
/** The documents of a case AWS filtered out. */
export const refusedOf = (c: BodyFilterCase) => c.published.filter((p) => !p.delivered).map((p) => p.document);

const s3Created = (key: string, eventName = 'ObjectCreated:Put') => ({
  Records: [
    {
      eventSource: 'aws:s3',
      eventTime: '2022-11-21T03:41:29.743Z',
      eventName,
      s3: { bucket: { name: 'insurance-bucket-demo', arn: 'arn:{{partition}}:s3:::insurance-bucket-demo' }, object: { key, size: 17 } },
    },
  ],
});
/** The event documents test_filter_policy_ip_address_condition publishes, by id and detail. */
const ipEvent = (id: string, detail: Record<string, string>) => ({
  id,
  source: 'test-source',
  'detail-type': 'test-detail-type',
  account: '123456789012',
  region: 'my-region',
  time: '2022-07-13T13:48:01Z',
  detail,
});

export const BODY_FILTER_CASES = {
  test_filter_policy_on_message_body: {
    policy: { object: { key: [{ prefix: 'auto-' }, 'hardcodedvalue'], nested_key: [{ exists: false }] }, test: [{ exists: false }] },
    published: [
      ...delivered({ object: { key: 'auto-test' } }, { object: { key: 'hardcodedvalue' } }),
      ...refused(
        { object: { key: 'test-auto' } },
        { object: { key: 'auto-test' }, test: 'just-exists' },
        { object: { key: 'auto-test', nested_key: 'just-exists' } },
        { object: { test: 'auto-test' } },
        { test: 'auto-test' },
        'Regular string message',
      ),
    ],
  },
  'test_filter_policy_on_message_body_dot_attribute (one level)': {
    policy: { 'object.nested': ['string.value'] },
    published: [...delivered({ object: { nested: 'string.value' } }, { 'object.nested': 'string.value' }), ...refused({ object: { nested: 'test-auto' } })],
  },
  'test_filter_policy_on_message_body_dot_attribute (two levels)': {
    policy: { 'object.nested.test': ['string.value'] },
    published: [
      ...delivered({ object: { nested: { test: 'string.value' } } }, { 'object.nested.test': 'string.value' }, { 'object.nested': { test: 'string.value' } }, { object: { 'nested.test': 'string.value' } }),
      ...refused({ object: { nested: { test: 'string.notvalue' } } }),
    ],
  },
  test_filter_policy_on_message_body_array_attributes: {
    policy: { headers: { 'route-to': ['queue1'] } },
    published: [
      ...refused({ headers: { 'route-to': ['queue3'] } }),
      ...delivered({ headers: { 'route-to': ['queue1'] } }),
      ...refused({ headers: { 'route-to': ['queue2'] } }),
      ...delivered({ headers: { 'route-to': ['queue1', 'queue2'] } }),
    ],
  },
  test_filter_policy_on_message_body_array_of_object_attributes: {
    policy: { Records: { s3: { object: { key: [{ prefix: 'auto-' }] } }, eventName: [{ prefix: 'ObjectCreated:' }] } },
    published: [
      ...delivered({
        Records: [
          { eventSource: 'aws:s3', eventName: 'ObjectCreated:Put', s3: { object: [[{ key: 'auto-insurance-2314.xml', size: 17 }]] } },
          { eventSource: 'aws:s3', eventName: 'ObjectRemoved:Delete', s3: { object: { key: 'home-insurance-2314.xml', size: 17 } } },
        ],
      }),
      ...refused(s3Created('auto-insurance-2314.xml', 'ObjectRemoved:Delete'), s3Created('home-insurance-2314.xml')),
      ...delivered(s3Created('auto-insurance-2314.xml')),
    ],
  },
  test_filter_policy_on_message_body_or_attribute: {
    policy: {
      $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
      detail: { scope: ['Service'], $or: [{ source: ['aws.cloudwatch'] }, { type: ['CloudWatch Alarm State Change'] }] },
    },
    published: [
      ...refused(
        { metricName: 'CPUUtilization', detail: { scope: 'aws.cloudwatch', type: 'CloudWatch Alarm State Change' } },
        { metricName: 'CPUUtilization', detail: { scope: 'Service', type: 'CPUUtilization' } },
        { metricName: 'CPUUtilization', detail: { type: 'CloudWatch Alarm State Change' } },
        { metricName: 'CPUUtilization', detail: { scope: 'Service' } },
        { metricName: 'CPUUtilization', scope: 'Service' },
        { metricName: 'AWS/EC2', detail: { scope: 'Service', type: 'CloudWatch Alarm State Change' } },
        { namespace: 'CPUUtilization', detail: { scope: 'Service', type: 'CloudWatch Alarm State Change' } },
      ),
      ...delivered(
        { metricName: 'CPUUtilization', detail: { scope: 'Service', source: 'aws.cloudwatch' } },
        { metricName: 'ReadLatency', detail: { scope: 'Service', source: 'aws.cloudwatch' } },
        { namespace: 'AWS/EC2', detail: { scope: 'Service', source: 'aws.cloudwatch' } },
        { namespace: 'AWS/ES', detail: { scope: 'Service', source: 'aws.cloudwatch' } },
        { metricName: 'CPUUtilization', detail: { scope: 'Service', type: 'CloudWatch Alarm State Change' } },
      ),
    ],
  },
  test_filter_policy_empty_array_payload: {
    policy: { detail: { eventVersion: [''] } },
    published: delivered({
      version: '0',
      id: '3e3c153a-8339-4e30-8c35-687ebef853fe',
      'detail-type': 'EC2 Instance Launch Successful',
      source: 'aws.autoscaling',
      account: '123456789012',
      time: '2015-11-11T21:31:47Z',
      region: 'my-region',
      resources: [],
      detail: { eventVersion: '', responseElements: null },
    }),
  },
  test_filter_policy_ip_address_condition: {
    policy: { detail: { $or: [{ sourceIPAddress: [{ cidr: '10.0.0.0/24' }] }, { sourceIPAddressV6: [{ cidr: '2001:db8:1234:1a00::/64' }] }] } },
    published: [
      ...delivered(ipEvent('1', { sourceIPAddress: '10.0.0.255' })),
      ...refused(ipEvent('2', { sourceIPAddress: '10.0.0.256' })),
      ...delivered(ipEvent('3', { sourceIPAddressV6: '2001:0db8:1234:1a00:0000:0000:0000:0000' })),
      ...refused(ipEvent('4', { sourceIPAddressV6: '2001:0db8:123f:1a01:0000:0000:0000:0000' })),
    ],
  },
} satisfies Record<string, BodyFilterCase>;
