import { createHash, randomBytes } from 'node:crypto';
import type { SurveyInvitationsTable } from '../../db/schema.ts';
import { newId } from '../../shared/ids.ts';

/** How long a survey link stays open. */
export const SURVEY_DAYS = 30;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * A new invitation and the token for its link. The token starts with the workspace id, so a
 * token pasted under another workspace's id is refused; only its SHA-256 is stored.
 */
export function newInvitation(input: { workspaceId: string; customerId: string; kind: 'choose' | 'exit'; locale: string; createdBy: string | null; messageId: string | null; now: Date }) {
  const token = `${input.workspaceId}.${randomBytes(24).toString('base64url')}`;
  const row: SurveyInvitationsTable = {
    workspace_id: input.workspaceId, id: newId(), customer_id: input.customerId, kind: input.kind, locale: input.locale, token_hash: hashToken(token),
    expires_at: new Date(input.now.getTime() + SURVEY_DAYS * 86_400_000).toISOString(), used_at: null, email_message_id: input.messageId,
    created_by: input.createdBy, created_at: input.now.toISOString(),
  };
  return { token, row };
}

export const surveyLink = (publicUrl: string, token: string) => `${publicUrl}/s/${token}`;

/**
 * The text with every survey link's token hidden: what the timeline and the outbox show, and what
 * a message keeps once sent — so only the customer, from their inbox, can answer.
 */
export const hideSurveyTokens = (text: string) => text.replace(/\/s\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{32}/g, '/s/…');
