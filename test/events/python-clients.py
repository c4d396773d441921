"""Drives EventBridge, CloudWatch Logs and CloudWatch through boto3 against the endpoint given as argv[1]; prints JSON."""
import json
import sys
import time

import boto3

endpoint = sys.argv[1]
events = boto3.client("events", endpoint_url=endpoint)
sqs = boto3.client("sqs", endpoint_url=endpoint)
logs = boto3.client("logs", endpoint_url=endpoint)
out = {}

queue_url = sqs.create_queue(QueueName="py-events")["QueueUrl"]
queue_arn = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
sqs.set_queue_attributes(
    QueueUrl=queue_url,
    Attributes={
        "Policy": json.dumps(
            {"Statement": [{"Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"}, "Action": "sqs:SendMessage", "Resource": queue_arn}]}
        )
    },
)
events.put_rule(Name="py-rule", EventPattern=json.dumps({"source": ["py.app"], "detail": {"n": [{"numeric": [">", 5]}]}}))
events.put_targets(
    Rule="py-rule",
    Targets=[{"Id": "q", "Arn": queue_arn, "InputTransformer": {"InputPathsMap": {"n": "$.detail.n"}, "InputTemplate": '{"n": <n>}'}}],
)
put = events.put_events(
    Entries=[
        {"Source": "py.app", "DetailType": "t", "Detail": json.dumps({"n": 10})},
        {"Source": "py.app", "DetailType": "t", "Detail": json.dumps({"n": 1})},
    ]
)
out["failed"] = put["FailedEntryCount"]
messages = []
deadline = time.time() + 5
while time.time() < deadline and not messages:
    messages = sqs.receive_message(QueueUrl=queue_url, WaitTimeSeconds=1).get("Messages", [])
out["bodies"] = [m["Body"] for m in messages]
out["test_pattern"] = events.test_event_pattern(
    EventPattern=json.dumps({"detail": {"ip": [{"cidr": "10.0.0.0/24"}]}}),
    Event=json.dumps({"id": "1", "source": "s", "detail-type": "d", "account": "123456789012", "region": "us-east-1", "time": "2022-07-13T13:48:01Z", "detail": {"ip": "10.0.0.7"}}),
)["Result"]
try:
    events.put_rule(Name="bad", EventPattern='{"int": 42}')
except events.exceptions.InvalidEventPatternException as e:
    out["pattern_error"] = e.response["Error"]["Message"]

logs.create_log_group(logGroupName="/py/group")
logs.create_log_stream(logGroupName="/py/group", logStreamName="s")
now = int(time.time() * 1000)
logs.put_log_events(
    logGroupName="/py/group",
    logStreamName="s",
    logEvents=[{"timestamp": now, "message": "ERROR one"}, {"timestamp": now + 1, "message": "INFO two"}],
)
out["filtered"] = [e["message"] for e in logs.filter_log_events(logGroupName="/py/group", filterPattern="ERROR")["events"]]
try:
    logs.get_log_events(logGroupName="/py/group", logStreamName="s", limit=10001)
except logs.exceptions.InvalidParameterException as e:
    out["limit_error"] = e.response["Error"]["Message"]
print(json.dumps(out))
