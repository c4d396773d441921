#!/bin/sh
# A LocalStack ready hook, unchanged but for the CLI call: the hook's environment has AWS_ENDPOINT_URL and test
# credentials. (With LocalStack this line was `awslocal sqs create-queue --queue-name jobs`.)
set -e
aws --endpoint-url "$AWS_ENDPOINT_URL" sqs create-queue --queue-name jobs >/dev/null
echo "ready hook: created the jobs queue"
