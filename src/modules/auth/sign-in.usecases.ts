import { burnPasswordCheck, verifyPassword } from './password.ts';
import { invalidCredentials } from './auth.errors.ts';
import { assertNotThrottled, clearFailures, recordFailure, throttleKeys } from './login-throttle.ts';
import { startSession, type NewSession, type SessionDeps } from './sessions.usecases.ts';
import { createUsersRepository } from '../users/users.repository.ts';

export interface SignInInput {
  email: string;
  password: string;
  ip: string;
  userAgent?: string | undefined;
}

export interface SignedIn extends NewSession {
  workspaceId: string;
  userId: string;
}

export async function signIn(deps: SessionDeps, input: SignInInput): Promise<SignedIn> {
  const keys = throttleKeys(input.email, input.ip);
  await assertNotThrottled(deps, [keys.account, keys.address]);

  const user = await createUsersRepository(deps.db).findUserForSignIn(input.email);
  let valid = false;
  if (user) valid = await verifyPassword(user.password_hash, input.password);
  else await burnPasswordCheck(input.password);

  if (!user || !valid || user.disabled_at !== null) {
    await recordFailure(deps, [keys.account, keys.address]);
    throw invalidCredentials();
  }
  await clearFailures(deps, [keys.account]);
  const session = await startSession(deps, {
    workspaceId: user.workspace_id,
    userId: user.id,
    ip: input.ip,
    userAgent: input.userAgent,
  });
  return { ...session, workspaceId: user.workspace_id, userId: user.id };
}
