import type { Handler } from '../../../core/service.ts';
import { requireAttachablePolicy, requireRole, requireUser, usageOf, type IamContext } from '../entities.ts';
import type { Role, User } from '../state.ts';

interface BoundaryInput {
  UserName?: string;
  RoleName?: string;
  PermissionsBoundary?: string;
}

/** Put/Delete<User|Role>PermissionsBoundary: the boundary is a managed policy, counted in its usage. */
function boundaryOperations(title: 'User' | 'Role', find: (ctx: IamContext, input: BoundaryInput) => User | Role): Record<string, Handler> {
  return {
    [`Put${title}PermissionsBoundary`]: (input: BoundaryInput, ctx: IamContext) => {
      const holder = find(ctx, input);
      const policy = requireAttachablePolicy(ctx.state, input.PermissionsBoundary!);
      if (holder.boundary) usageOf(ctx.state, holder.boundary).boundaries--;
      holder.boundary = policy.arn;
      usageOf(ctx.state, policy.arn).boundaries++;
      return {};
    },
    [`Delete${title}PermissionsBoundary`]: (input: BoundaryInput, ctx: IamContext) => {
      const holder = find(ctx, input);
      if (holder.boundary) usageOf(ctx.state, holder.boundary).boundaries--;
      holder.boundary = undefined;
      return {};
    },
  };
}

export const permissionsBoundaryOperations: Record<string, Handler> = {
  ...boundaryOperations('User', (ctx, input) => requireUser(ctx.state, input.UserName!)),
  ...boundaryOperations('Role', (ctx, input) => requireRole(ctx.state, input.RoleName!)),
};
