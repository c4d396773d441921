"""CloudFormation stack sets through boto3 (query protocol): the self-managed roles made with IAM, a stack set with one
instance deployed and deleted, the operation polled as boto3 users do. Prints what it saw as JSON for the mocha test."""
import json
import sys
import time

import boto3

endpoint = sys.argv[1]
iam = boto3.client("iam", endpoint_url=endpoint)
cfn = boto3.client("cloudformation", endpoint_url=endpoint)
account = boto3.client("sts", endpoint_url=endpoint).get_caller_identity()["Account"]


def trust(principal):
    return json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": principal, "Action": "sts:AssumeRole"}]})


def finished(operation_id):
    while True:
        op = cfn.describe_stack_set_operation(StackSetName="boto3-set", OperationId=operation_id)["StackSetOperation"]
        if op["Status"] not in ("RUNNING", "STOPPING", "QUEUED"):
            return op["Status"]
        time.sleep(0.1)


admin = iam.create_role(RoleName="AWSCloudFormationStackSetAdministrationRole", AssumeRolePolicyDocument=trust({"Service": "cloudformation.amazonaws.com"}))["Role"]["Arn"]
iam.create_role(RoleName="AWSCloudFormationStackSetExecutionRole", AssumeRolePolicyDocument=trust({"AWS": admin}))
out = {}
template = "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n"
out["id"] = cfn.create_stack_set(StackSetName="boto3-set", TemplateBody=template)["StackSetId"]
created = cfn.create_stack_instances(StackSetName="boto3-set", Accounts=[account], Regions=["us-east-1", "eu-west-1"])["OperationId"]
out["created"] = finished(created)
instances = cfn.list_stack_instances(StackSetName="boto3-set")["Summaries"]
out["instances"] = sorted((i["Region"], i["Status"], i["StackInstanceStatus"]["DetailedStatus"]) for i in instances)
stack = cfn.describe_stacks(StackName=instances[0]["StackId"])["Stacks"][0]
out["stack"] = stack["StackStatus"]
out["results"] = sorted(r["Status"] for r in cfn.list_stack_set_operation_results(StackSetName="boto3-set", OperationId=created)["Summaries"])
deleted = cfn.delete_stack_instances(StackSetName="boto3-set", Accounts=[account], Regions=["us-east-1", "eu-west-1"], RetainStacks=False)["OperationId"]
out["deleted"] = finished(deleted)
cfn.delete_stack_set(StackSetName="boto3-set")
out["summaries"] = [(s["StackSetName"], s["Status"]) for s in cfn.list_stack_sets()["Summaries"]]
try:
    cfn.describe_stack_set(StackSetName="boto3-set")
except cfn.exceptions.StackSetNotFoundException as error:
    out["missing"] = [error.response["Error"]["Code"], error.response["Error"]["Message"], error.response["ResponseMetadata"]["HTTPStatusCode"]]
print(json.dumps(out))
