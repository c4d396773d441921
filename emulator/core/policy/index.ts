/**
 * The IAM policy evaluation engine: parse a document once (`parsePolicy`), check it against IAM's grammar
 * (`policyProblem`), and decide requests with AWS's evaluation logic (`evaluate`, a pure function).
 */
export { contextOf, type ContextValues } from './context.ts';
export { parsePolicy, type Policy, type Statement } from './document.ts';
export { evaluate, type AuthorizationRequest, type AuthorizationResult, type Decision, type MatchedStatement, type PolicySource, type Principal } from './evaluate.ts';
export { policyProblem, policySize, type PolicyKind } from './validate.ts';
