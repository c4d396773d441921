# boto3 against twinstack SNS: fan-out to SQS with a filter policy and raw delivery, FIFO ordering, and errors.
import json, sys, time
import boto3
from botocore.exceptions import ClientError

endpoint = sys.argv[1]
sns = boto3.client('sns', endpoint_url=endpoint)
sqs = boto3.client('sqs', endpoint_url=endpoint)
out = {}

def queue(name, fifo=False):
    url = sqs.create_queue(QueueName=name, Attributes={'FifoQueue': 'true'} if fifo else {})['QueueUrl']
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=['QueueArn'])['Attributes']['QueueArn']
    # SNS may send only where the queue policy lets it, as on AWS.
    policy = {'Statement': [{'Effect': 'Allow', 'Principal': {'Service': 'sns.amazonaws.com'}, 'Action': 'sqs:SendMessage', 'Resource': arn}]}
    sqs.set_queue_attributes(QueueUrl=url, Attributes={'Policy': json.dumps(policy)})
    return url, arn

def drain(url, expected):
    bodies = []
    deadline = time.time() + 5
    while len(bodies) < expected and time.time() < deadline:
        for m in sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=1).get('Messages', []):
            bodies.append(m['Body'])
            sqs.delete_message(QueueUrl=url, ReceiptHandle=m['ReceiptHandle'])
    return bodies

topic = sns.create_topic(Name='py-orders')['TopicArn']
all_url, all_arn = queue('py-all')
eu_url, eu_arn = queue('py-eu')
sns.subscribe(TopicArn=topic, Protocol='sqs', Endpoint=all_arn)
sns.subscribe(TopicArn=topic, Protocol='sqs', Endpoint=eu_arn, Attributes={
    'RawMessageDelivery': 'true',
    'FilterPolicyScope': 'MessageBody',
    'FilterPolicy': json.dumps({'region': ['eu-west-1', {'prefix': 'eu-central'}], 'order': {'total': [{'numeric': ['>=', 100]}]}}),
})
for body in [{'region': 'eu-west-1', 'order': {'total': 150}}, {'region': 'us-east-1', 'order': {'total': 500}}, {'region': 'eu-central-1', 'order': {'total': 5}}]:
    sns.publish(TopicArn=topic, Message=json.dumps(body))
out['all'] = sorted(json.loads(json.loads(b)['Message'])['region'] for b in drain(all_url, 3))
out['eu'] = [json.loads(b)['region'] for b in drain(eu_url, 1)]

fifo = sns.create_topic(Name='py-events.fifo', Attributes={'FifoTopic': 'true', 'ContentBasedDeduplication': 'true'})['TopicArn']
fifo_url, fifo_arn = queue('py-events.fifo', fifo=True)
sns.subscribe(TopicArn=fifo, Protocol='sqs', Endpoint=fifo_arn)
for i in range(12):
    sns.publish(TopicArn=fifo, Message='e%d' % i, MessageGroupId='g1')
out['fifo'] = [json.loads(b)['Message'] for b in drain(fifo_url, 12)]

try:
    sns.subscribe(TopicArn=topic, Protocol='sqs', Endpoint=fifo_arn)
except ClientError as e:
    out['fifo-queue-on-standard-topic'] = e.response['Error']
try:
    sns.get_topic_attributes(TopicArn='test-topic')
except ClientError as e:
    out['malformed-arn'] = e.response['Error']
print(json.dumps(out))
