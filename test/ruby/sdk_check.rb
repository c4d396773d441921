# sdk_check drives the services Debian packages an AWS SDK for Ruby gem for (ruby-aws-sdk-core with STS, -s3, -kms,
# -cloudformation; SDK core 3.168, late 2022) against twinstack: per service a short real sequence with a success path
# and one error path. It prints one line per service and exits non-zero when any check fails.
# Usage: ruby sdk_check.rb http://localhost:4566
require 'aws-sdk-core'
require 'aws-sdk-s3'
require 'aws-sdk-kms'
require 'aws-sdk-cloudformation'
require 'json'

abort 'usage: ruby sdk_check.rb ENDPOINT' unless ARGV.length == 1
ENDPOINT = ARGV[0]
SUFFIX = "rb-#{Process.pid}-#{Time.now.to_i}"
CONFIG = {
  endpoint: ENDPOINT,
  region: 'us-east-1',
  credentials: Aws::Credentials.new('test', 'test'),
  retry_limit: 0,
}.freeze

class CheckFailed < StandardError; end

def expect(condition, message)
  raise CheckFailed, message unless condition
end

# The block must raise the SDK's error class for `code`, with that code.
def expect_error(code)
  yield
  raise CheckFailed, "expected #{code}, the call succeeded"
rescue Aws::Errors::ServiceError => e
  expect(e.code == code, "expected #{code}, got #{e.code}: #{e.message}")
end

def check_sts
  sts = Aws::STS::Client.new(CONFIG)
  identity = sts.get_caller_identity
  expect(identity.account == '000000000000', "account #{identity.account}")
  expect_error('ValidationError') { sts.assume_role(role_arn: 'arn:aws:iam::000000000000:role/r', role_session_name: 'x') }
end

def check_s3
  s3 = Aws::S3::Client.new(CONFIG.merge(force_path_style: true))
  bucket = "bucket-#{SUFFIX}"
  s3.create_bucket(bucket: bucket)
  s3.put_object(bucket: bucket, key: 'dir/a.txt', body: 'hello from ruby', content_type: 'text/plain')
  object = s3.get_object(bucket: bucket, key: 'dir/a.txt')
  expect(object.body.read == 'hello from ruby', 'body differs')
  expect(object.content_type == 'text/plain', "content type #{object.content_type}")
  keys = s3.list_objects_v2(bucket: bucket, prefix: 'dir/').contents.map(&:key)
  expect(keys == ['dir/a.txt'], "listed #{keys}")
  # The resource interface and a presigned URL (query-string SigV4), as Ruby applications use them.
  url = Aws::S3::Presigner.new(client: s3).presigned_url(:get_object, bucket: bucket, key: 'dir/a.txt')
  expect(Net::HTTP.get(URI(url)) == 'hello from ruby', 'presigned GET differs')
  Aws::S3::Resource.new(client: s3).bucket(bucket).object('dir/b.txt').put(body: 'second')
  upload = s3.create_multipart_upload(bucket: bucket, key: 'big')
  part = s3.upload_part(bucket: bucket, key: 'big', upload_id: upload.upload_id, part_number: 1, body: 'x' * (5 * 1024 * 1024))
  s3.complete_multipart_upload(bucket: bucket, key: 'big', upload_id: upload.upload_id, multipart_upload: { parts: [{ etag: part.etag, part_number: 1 }] })
  expect(s3.head_object(bucket: bucket, key: 'big').content_length == 5 * 1024 * 1024, 'multipart size differs')
  expect_error('NoSuchKey') { s3.get_object(bucket: bucket, key: 'absent') }
end

def check_kms
  kms = Aws::KMS::Client.new(CONFIG)
  key = kms.create_key(description: 'ruby').key_metadata.key_id
  blob = kms.encrypt(key_id: key, plaintext: 'secret').ciphertext_blob
  expect(kms.decrypt(ciphertext_blob: blob).plaintext == 'secret', 'decrypt differs')
  expect_error('NotFoundException') { kms.describe_key(key_id: '00000000-0000-0000-0000-000000000000') }
end

def check_cloudformation
  cfn = Aws::CloudFormation::Client.new(CONFIG)
  name = "stack-#{SUFFIX}"
  template = { Resources: { Queue: { Type: 'AWS::SQS::Queue', Properties: { QueueName: "queue-#{SUFFIX}" } } }, Outputs: { Url: { Value: { Ref: 'Queue' } } } }
  cfn.create_stack(stack_name: name, template_body: JSON.generate(template))
  cfn.wait_until(:stack_create_complete, { stack_name: name }, max_attempts: 60, delay: 0.5)
  stack = cfn.describe_stacks(stack_name: name).stacks.first
  expect(stack.outputs.first.output_value.end_with?("/queue-#{SUFFIX}"), "output #{stack.outputs.first.output_value}")
  expect_error('ValidationError') { cfn.describe_stacks(stack_name: "absent-#{SUFFIX}") }
end

checks = [
  ['sts', 'GetCallerIdentity; AssumeRole with a short session name -> ValidationError', :check_sts],
  ['s3', 'bucket/put/get/list, presigned GET, resource put, multipart; missing key -> NoSuchKey', :check_s3],
  ['kms', 'create key, encrypt/decrypt round trip; missing key -> NotFoundException', :check_kms],
  ['cloudformation', 'stack with an SQS queue, waiter, outputs; missing stack -> ValidationError', :check_cloudformation],
]
failed = 0
checks.each do |service, does, check|
  send(check)
  puts "ok   #{service}: #{does}"
rescue StandardError => e
  failed += 1
  puts "FAIL #{service}: #{e.class}: #{e.message}"
end
puts "#{checks.length - failed} of #{checks.length} services ok"
exit(failed.zero? ? 0 : 1)
