"""boto3's standard retry mode against injected faults: prints what each call saw, as JSON."""
import json
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint = sys.argv[1]
sqs = boto3.client("sqs", endpoint_url=endpoint, config=Config(retries={"mode": "standard", "max_attempts": 3}))
url = sqs.create_queue(QueueName="boto3-faults")["QueueUrl"]
out = {}


def control(method, body):
    import urllib.request

    request = urllib.request.Request(f"{endpoint}/_twinstack/faults", data=json.dumps(body).encode(), method=method)
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


control("PUT", {"rules": [{"service": "sqs", "operation": "SendMessage", "count": 2, "error": {"code": "ThrottlingException"}}]})
sent = sqs.send_message(QueueUrl=url, MessageBody="after two throttles")
out["throttled"] = {"retries": sent["ResponseMetadata"]["RetryAttempts"], "injected": control("GET", None)["rules"][0]["injected"]}

control("PUT", {"rules": [{"service": "sqs", "operation": "SendMessage", "count": 1, "error": {"code": "ServiceUnavailable"}}]})
sent = sqs.send_message(QueueUrl=url, MessageBody="after one 503")
out["unavailable"] = {"retries": sent["ResponseMetadata"]["RetryAttempts"]}

control("PUT", {"rules": [{"service": "sqs", "operation": "SendMessage", "count": 10, "error": {"code": "InternalError"}}]})
try:
    sqs.send_message(QueueUrl=url, MessageBody="never")
    out["exhausted"] = "sent"
except ClientError as error:
    out["exhausted"] = {
        "code": error.response["Error"]["Code"],
        "status": error.response["ResponseMetadata"]["HTTPStatusCode"],
        "retries": error.response["ResponseMetadata"]["RetryAttempts"],
        "injected": control("GET", None)["rules"][0]["injected"],
    }
control("DELETE", None)
print(json.dumps(out))
