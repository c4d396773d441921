"""Drives CloudWatch Logs' newer operations through boto3 against the endpoint given as argv[1]; prints JSON."""
import json
import sys
import time

import boto3
from botocore.exceptions import ClientError

endpoint = sys.argv[1]
logs = boto3.client("logs", endpoint_url=endpoint)
out = {}


def error(call):
    try:
        call()
    except ClientError as e:
        return {"code": e.response["Error"]["Code"], "message": e.response["Error"]["Message"], "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}
    return None


# Deliveries: a CloudFront source, an S3 destination, a delivery with the source template's defaults.
source = logs.put_delivery_source(name="py-source", resourceArn="arn:aws:cloudfront::000000000000:distribution/EPY", logType="ACCESS_LOGS")["deliverySource"]
dest = logs.put_delivery_destination(name="py-dest", deliveryDestinationConfiguration={"destinationResourceArn": "arn:aws:s3:::py-bucket"})["deliveryDestination"]
delivery = logs.create_delivery(deliverySourceName="py-source", deliveryDestinationArn=dest["arn"])["delivery"]
out["delivery"] = {
    "service": source["service"],
    "type": delivery["deliveryDestinationType"],
    "fields": len(delivery["recordFields"]),
    "s3": delivery["s3DeliveryConfiguration"],
    "paginated": [d["id"] for page in logs.get_paginator("describe_deliveries").paginate() for d in page["deliveries"]] == [delivery["id"]],
}
out["delivery_errors"] = {
    "invalid_format": error(lambda: logs.put_delivery_destination(name="py-bad", outputFormat="foobar", deliveryDestinationConfiguration={"destinationResourceArn": "arn:aws:s3:::b"})),
    "missing_source": error(lambda: logs.get_delivery_source(name="foobar")),
}

# Query definitions, through the paginator-free listing.
definition_id = logs.put_query_definition(name="py/errors", queryString="fields @message | filter @message like /ERROR/")["queryDefinitionId"]
out["definitions"] = [d["name"] for d in logs.describe_query_definitions(queryDefinitionNamePrefix="py/")["queryDefinitions"]]
out["deleted"] = logs.delete_query_definition(queryDefinitionId=definition_id)["success"]

# A transformer tested, and a data protection policy masking what is put after it.
out["transformed"] = logs.test_transformer(
    transformerConfig=[{"parseJSON": {}}, {"deleteKeys": {"withKeys": ["secret"]}}, {"lowerCaseString": {"withKeys": ["level"]}}],
    logEventMessages=['{"level": "WARN", "secret": "x", "n": 1}'],
)["transformedLogs"]
logs.create_log_group(logGroupName="py-masked")
logs.create_log_stream(logGroupName="py-masked", logStreamName="s")
identifier = ["arn:aws:dataprotection::aws:data-identifier/EmailAddress"]
logs.put_data_protection_policy(
    logGroupIdentifier="py-masked",
    policyDocument=json.dumps(
        {
            "Name": "p",
            "Version": "2021-06-01",
            "Statement": [
                {"DataIdentifier": identifier, "Operation": {"Audit": {"FindingsDestination": {}}}},
                {"DataIdentifier": identifier, "Operation": {"Deidentify": {"MaskConfig": {}}}},
            ],
        }
    ),
)
logs.put_log_events(logGroupName="py-masked", logStreamName="s", logEvents=[{"timestamp": int(time.time() * 1000), "message": "from dan@example.com"}])
out["masked"] = logs.get_log_events(logGroupName="py-masked", logStreamName="s", startFromHead=True)["events"][0]["message"]
out["unmasked"] = logs.get_log_events(logGroupName="py-masked", logStreamName="s", startFromHead=True, unmask=True)["events"][0]["message"]

print(json.dumps(out))
