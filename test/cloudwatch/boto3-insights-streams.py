"""CloudWatch insight rules, metric streams and a widget image through boto3 (the query protocol botocore uses)."""
import json
import sys

import boto3

cw = boto3.client("cloudwatch", endpoint_url=sys.argv[1])
definition = {
    "Schema": {"Name": "CloudWatchLogRule", "Version": 1},
    "LogGroupNames": ["boto*"],
    "LogFormat": "JSON",
    "Contribution": {"Keys": ["$.ip"], "ValueOf": "$.bytes", "Filters": [{"Match": "$.method", "In": ["PUT"]}]},
    "AggregateOn": "Sum",
}
cw.put_insight_rule(RuleName="boto-rule", RuleState="DISABLED", RuleDefinition=json.dumps(definition))
rules = [r for r in cw.describe_insight_rules()["InsightRules"] if r["Name"] == "boto-rule"]
enabled = cw.enable_insight_rules(RuleNames=["boto-rule", "no-such-rule"])
arn = cw.put_metric_stream(
    Name="boto-stream",
    FirehoseArn="arn:aws:firehose:us-east-1:000000000000:deliverystream/x",
    RoleArn="arn:aws:iam::000000000000:role/r",
    OutputFormat="opentelemetry1.0",
    ExcludeFilters=[{"Namespace": "AWS/EC2", "MetricNames": ["CPUUtilization"]}],
)["Arn"]
stream = cw.get_metric_stream(Name="boto-stream")
image = cw.get_metric_widget_image(MetricWidget=json.dumps({"metrics": [["App", "Latency"]], "width": 320, "height": 200}))["MetricWidgetImage"]
print(
    json.dumps(
        {
            "rule": {k: rules[0][k] for k in ("State", "Schema", "ManagedRule")},
            "failures": [f["FailureResource"] for f in enabled["Failures"]],
            "arn": arn,
            "stream": {k: stream[k] for k in ("State", "OutputFormat", "ExcludeFilters", "IncludeLinkedAccountsMetrics")},
            "png": image[:8].hex(),
        }
    )
)
