"""Documents, associations and maintenance windows through boto3: what a Python deployment script does."""
import json
import sys

import boto3
from botocore.exceptions import ClientError

ssm = boto3.client('ssm', endpoint_url=sys.argv[1])
out = {}

content = "schemaVersion: '2.2'\ndescription: From boto3\nparameters:\n  message:\n    type: String\nmainSteps:\n  - action: aws:runShellScript\n    name: say\n    inputs:\n      runCommand: ['echo {{ message }}']\n"
created = ssm.create_document(Name='py-doc', Content=content, DocumentFormat='YAML', DocumentType='Command')['DocumentDescription']
out['created'] = [created['Status'], created['DocumentFormat'], created['SchemaVersion'], created['PlatformTypes']]
pages = ssm.get_paginator('list_documents').paginate(Filters=[{'Key': 'Owner', 'Values': ['Amazon']}], PaginationConfig={'PageSize': 3})
out['amazon'] = sorted(d['Name'] for page in pages for d in page['DocumentIdentifiers'])
association = ssm.create_association(Name='py-doc', Targets=[{'Key': 'tag:App', 'Values': ['py']}], Parameters={'message': ['hi']})['AssociationDescription']
out['association'] = [association['Name'], association['AssociationVersion'], association['Overview']['Status']]
window = ssm.create_maintenance_window(Name='py-window', Schedule='cron(0 3 ? * SUN *)', Duration=4, Cutoff=1, AllowUnassociatedTargets=True)
out['windows'] = [w['Name'] for w in ssm.describe_maintenance_windows()['WindowIdentities']]
try:
    ssm.get_document(Name='py-missing')
except ClientError as e:
    out['missing'] = {'Code': e.response['Error']['Code'], 'Message': e.response['Error']['Message']}
print(json.dumps(out))
