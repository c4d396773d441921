"""Exports a table to S3 and imports it again with boto3; prints what DescribeExport and DescribeImport said."""
import json, sys, urllib.request
import boto3

endpoint = sys.argv[1]
ddb = boto3.client("dynamodb", endpoint_url=endpoint)
s3 = boto3.client("s3", endpoint_url=endpoint)
s3.create_bucket(Bucket="boto3-exports")
keys = dict(
    KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
    AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
    BillingMode="PAY_PER_REQUEST",
)
ddb.create_table(TableName="boto3-source", **keys)
ddb.put_item(TableName="boto3-source", Item={"id": {"S": "1"}, "n": {"N": "5"}})
ddb.update_continuous_backups(TableName="boto3-source", PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})
arn = ddb.describe_table(TableName="boto3-source")["Table"]["TableArn"]
started = ddb.export_table_to_point_in_time(TableArn=arn, S3Bucket="boto3-exports")["ExportDescription"]
# Moves the emulator clock past the export's end.
urllib.request.urlopen(urllib.request.Request(f"{endpoint}/_twinstack/clock", data=json.dumps({"advance": "1m"}).encode(), method="POST", headers={"content-type": "application/json"}))
done = ddb.describe_export(ExportArn=started["ExportArn"])["ExportDescription"]
prefix = done["ExportManifest"].rsplit("/", 1)[0] + "/data/"
imported = ddb.import_table(
    S3BucketSource={"S3Bucket": "boto3-exports", "S3KeyPrefix": prefix},
    InputFormat="DYNAMODB_JSON",
    InputCompressionType="GZIP",
    TableCreationParameters={"TableName": "boto3-copy", **keys},
)["ImportTableDescription"]
item = ddb.get_item(TableName="boto3-copy", Key={"id": {"S": "1"}})["Item"]
print(json.dumps({"status": started["ExportStatus"], "items": done["ItemCount"], "imported": 1 if item["n"]["N"] == "5" else 0}))
