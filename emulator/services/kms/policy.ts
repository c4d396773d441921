import { policyProblem } from '../../core/policy/index.ts';
import { KmsErrors } from './errors.ts';

/** Key policies follow the IAM grammar for resource policies; problems are MalformedPolicyDocumentException. */
export function checkKeyPolicy(text: string): void {
  const problem = policyProblem(text, 'resource');
  if (problem) throw KmsErrors.malformedPolicy(problem);
}
