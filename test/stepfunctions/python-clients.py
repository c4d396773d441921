"""Step Functions through boto3 (1.43): a state machine with a waitForTaskToken-free flow, executions, history,
StartSyncExecution (host prefix off, as for any local endpoint) and AWS's error shapes. Prints one JSON document."""
import json
import sys
import time

import boto3
from botocore.config import Config

endpoint = sys.argv[1]
sfn = boto3.client("stepfunctions", endpoint_url=endpoint, region_name="us-east-1", config=Config(inject_host_prefix=False))
role = "arn:aws:iam::000000000000:role/sfn-role"
out = {}

definition = {
    "StartAt": "Greet",
    "States": {
        "Greet": {"Type": "Pass", "Parameters": {"greeting.$": "States.Format('Hello, {}!', $.name)"}, "Next": "Done"},
        "Done": {"Type": "Succeed"},
    },
}
arn = sfn.create_state_machine(name="py-machine", definition=json.dumps(definition), roleArn=role)["stateMachineArn"]
execution = sfn.start_execution(stateMachineArn=arn, name="py-run", input=json.dumps({"name": "boto3"}))["executionArn"]
for _ in range(100):
    described = sfn.describe_execution(executionArn=execution)
    if described["status"] != "RUNNING":
        break
    time.sleep(0.02)
out["status"] = described["status"]
out["output"] = json.loads(described["output"])
out["events"] = [e["type"] for e in sfn.get_execution_history(executionArn=execution)["events"]]

express = sfn.create_state_machine(name="py-express", type="EXPRESS", definition=json.dumps(definition), roleArn=role)["stateMachineArn"]
sync = sfn.start_sync_execution(stateMachineArn=express, input=json.dumps({"name": "sync"}))
out["sync"] = [sync["status"], json.loads(sync["output"])]

try:
    sfn.start_execution(stateMachineArn=arn, name="py-run", input=json.dumps({"name": "other"}))
except sfn.exceptions.ExecutionAlreadyExists as e:
    out["duplicate"] = e.response["Error"]
try:
    sfn.describe_state_machine(stateMachineArn=arn + "-missing")
except sfn.exceptions.StateMachineDoesNotExist as e:
    out["missing"] = e.response["Error"]
print(json.dumps(out))
