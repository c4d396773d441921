"""CloudFormation through boto3 (query protocol): a stack created and waited for with boto3's own waiter, read back
and deleted. Prints what it saw as JSON for the mocha test."""
import json
import sys

import boto3

endpoint = sys.argv[1]
cfn = boto3.client("cloudformation", endpoint_url=endpoint)
template = """
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      DisplayName: !Sub 'topic of ${AWS::StackName}'
Outputs:
  Arn:
    Value: !Ref Topic
    Export: { Name: boto3-topic }
"""
out = {}
stack_id = cfn.create_stack(StackName="boto3-stack", TemplateBody=template, Tags=[{"Key": "team", "Value": "a"}])["StackId"]
cfn.get_waiter("stack_create_complete").wait(StackName="boto3-stack", WaiterConfig={"Delay": 1})
stack = cfn.describe_stacks(StackName="boto3-stack")["Stacks"][0]
out["status"] = stack["StackStatus"]
out["tags"] = stack["Tags"]
out["outputs"] = stack["Outputs"]
out["exports"] = [e["Name"] for e in cfn.list_exports()["Exports"]]
out["resources"] = [(r["LogicalResourceId"], r["ResourceType"], r["ResourceStatus"]) for r in cfn.describe_stack_resources(StackName="boto3-stack")["StackResources"]]
try:
    cfn.describe_stacks(StackName="nope")
except cfn.exceptions.ClientError as error:
    out["missing"] = [error.response["Error"]["Code"], error.response["Error"]["Message"], error.response["ResponseMetadata"]["HTTPStatusCode"]]
cfn.delete_stack(StackName="boto3-stack")
cfn.get_waiter("stack_delete_complete").wait(StackName=stack_id, WaiterConfig={"Delay": 1})
out["deleted"] = cfn.describe_stacks(StackName=stack_id)["Stacks"][0]["StackStatus"]
print(json.dumps(out))
