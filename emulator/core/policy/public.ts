/** Whether a resource policy makes its resource public, as S3 and S3 Control judge it (bucket and access point policy status). */
interface Statement {
  Effect?: string;
  Principal?: unknown;
  Condition?: unknown;
}

/** A policy is public when an Allow statement names every principal (`*`) without a condition narrowing it. */
export function isPublicPolicy(policy: string): boolean {
  let statements: Statement[];
  try {
    statements = ([] as Statement[]).concat((JSON.parse(policy) as { Statement?: Statement | Statement[] }).Statement ?? []);
  } catch {
    return false;
  }
  return statements.some((s) => {
    const principal = s.Principal as string | { AWS?: string | string[] } | undefined;
    const everyone = principal === '*' || (typeof principal === 'object' && principal !== null && ([] as string[]).concat(principal.AWS ?? []).includes('*'));
    return s.Effect === 'Allow' && everyone && !s.Condition;
  });
}
