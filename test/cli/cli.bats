#!/usr/bin/env bats
# The CLI as a user drives it: `twinstack start`, then the AWS CLI against it.

bats_require_minimum_version 1.5.0

setup_file() {
  export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=''
  log="$BATS_FILE_TMPDIR/start.log"
  node emulator/cli/bin.js start --port 0 --services sqs,sts >"$log" 2>&1 &
  echo $! >"$BATS_FILE_TMPDIR/pid"
  for _ in $(seq 1 100); do
    grep -q 'ready on' "$log" && break
    sleep 0.1
  done
  ENDPOINT=$(grep -o 'http://[0-9.:]*' "$log" | head -1)
  export ENDPOINT
}

teardown_file() {
  kill "$(cat "$BATS_FILE_TMPDIR/pid")" 2>/dev/null || true
}

@test "twinstack --help lists the commands" {
  run node emulator/cli/bin.js --help
  [ "$status" -eq 0 ]
  [[ "$output" == *"twinstack start"* ]]
  [[ "$output" == *"twinstack verify"* ]]
}

@test "an unknown command fails with usage" {
  run node emulator/cli/bin.js frobnicate
  [ "$status" -eq 2 ]
  [[ "$output" == *"unknown command"* ]]
}

@test "the LocalStack-compatible health endpoint lists the enabled services" {
  run curl -sf "$ENDPOINT/_localstack/health"
  [ "$status" -eq 0 ]
  # As LocalStack: available until a first request loads the service.
  [[ "$output" == *'"sqs":"available"'* ]]
  [[ "$output" == *'"sts":"available"'* ]]
}

@test "AWS CLI 2.9 (query protocol) creates, lists and uses an SQS queue" {
  run /usr/bin/aws --endpoint-url "$ENDPOINT" sqs create-queue --queue-name cli-queue --output text --query QueueUrl
  [ "$status" -eq 0 ]
  url="$output"
  [[ "$url" == *"/000000000000/cli-queue" ]]
  run /usr/bin/aws --endpoint-url "$ENDPOINT" sqs send-message --queue-url "$url" --message-body hello --output text --query MD5OfMessageBody
  [ "$status" -eq 0 ]
  [ "$output" = "5d41402abc4b2a76b9719d911017c592" ]
  run /usr/bin/aws --endpoint-url "$ENDPOINT" sqs receive-message --queue-url "$url" --output text --query 'Messages[0].Body'
  [ "$output" = "hello" ]
}

@test "AWS CLI v1 (JSON protocol) sees the same queue" {
  # AWS CLI v1 from the image's python3, run as a module: PATH order varies between machines.
  run python3 -m awscli --endpoint-url "$ENDPOINT" sqs get-queue-url --queue-name cli-queue --output text
  [ "$status" -eq 0 ]
  [[ "$output" == *"/000000000000/cli-queue" ]]
  run python3 -m awscli --endpoint-url "$ENDPOINT" sqs get-queue-url --queue-name no-such-queue
  [ "$status" -ne 0 ]
  [[ "$output" == *"NonExistentQueue"* || "$output" == *"QueueDoesNotExist"* ]]
}

@test "STS GetCallerIdentity follows the access key's account" {
  run env AWS_ACCESS_KEY_ID=123456789012 python3 -m awscli --endpoint-url "$ENDPOINT" sts get-caller-identity --output text --query Account
  [ "$status" -eq 0 ]
  [ "$output" = "123456789012" ]
}

@test "twinstack aws runs the AWS CLI against the running twinstack, found by its port" {
  port="${ENDPOINT##*:}"
  run env -u AWS_ENDPOINT_URL -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY TWINSTACK_PORT="$port" node emulator/cli/bin.js aws sqs create-queue --queue-name via-twinstack-aws
  [ "$status" -eq 0 ]
  [[ "$output" == *'"QueueUrl"'*'/via-twinstack-aws"'* ]]
  run env AWS_ENDPOINT_URL="$ENDPOINT" node emulator/cli/bin.js aws sqs get-queue-url --queue-name no-such-queue
  [ "$status" -ne 0 ]
  [[ "$output" == *"AWS.SimpleQueueService.NonExistentQueue"* || "$output" == *"QueueDoesNotExist"* ]]
}

@test "twinstack aws says what to do when the AWS CLI is missing" {
  run -127 env AWS_CLI=/nonexistent/aws node emulator/cli/bin.js aws sts get-caller-identity
  [[ "$output" == *"is not on PATH"* ]]
}
