import { toDbTime } from '../../db/dialect.ts';
import { createEmailRepository } from './email.repository.ts';
import { addressKey } from './outbox.usecases.ts';
import type { EmailDeps } from './smtp-settings.usecases.ts';

/** The message a public unsubscribe token belongs to (its workspace comes from the row, never from the caller). */
export async function unsubscribeTarget(deps: EmailDeps, token: string) {
  const message = await createEmailRepository(deps.db).messageByToken(token);
  if (!message) return null;
  const workspace = await createEmailRepository(deps.db).workspace(message.workspace_id);
  return { message, workspaceName: workspace.name, locale: message.locale };
}

export async function unsubscribe(deps: EmailDeps, token: string): Promise<boolean> {
  const target = await unsubscribeTarget(deps, token);
  if (!target) return false;
  const m = target.message;
  await createEmailRepository(deps.db).unsubscribe({ workspace_id: m.workspace_id, address_key: addressKey(m.to_address), customer_id: m.customer_id, message_id: m.id, at: toDbTime(deps.clock.now()) });
  return true;
}
