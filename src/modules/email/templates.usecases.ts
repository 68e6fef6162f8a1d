import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { PLACEHOLDERS, type putTemplateSchema, type templateSchema } from '../../contracts/email.ts';
import { SUPPORTED_LOCALES } from '../../contracts/common.ts';
import { toDbTime } from '../../db/dialect.ts';
import type { DB, EmailPurpose } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { badRequest } from '../../shared/errors.ts';
import type { Actor } from '../auth/permissions.ts';
import { DEFAULT_TEMPLATES } from './default-templates.ts';
import { createEmailRepository } from './email.repository.ts';

type Template = z.infer<typeof templateSchema>;
const PURPOSES: EmailPurpose[] = ['thank_you', 'question', 'exit_question', 'winback', 'custom'];

/** Every {name} in a text that is not a known placeholder. */
export function unknownPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{([^{}\s]*)\}/g)].map((m) => m[1]!).filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name)))];
}

/** Plain-text substitution; bodies are text/plain, so nothing is escaped and nothing is HTML. */
export function renderText(text: string, values: Record<string, string>): string {
  return text.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => (name in values ? values[name]! : whole));
}

export async function listTemplates(deps: { db: Kysely<DB> }, actor: Actor): Promise<Template[]> {
  const saved = new Map((await createEmailRepository(deps.db).templates(actor.workspaceId)).map((t) => [`${t.purpose}/${t.locale}`, t]));
  return PURPOSES.flatMap((purpose) => SUPPORTED_LOCALES.map((locale) => templateOf(saved.get(`${purpose}/${locale}`), purpose, locale)));
}

export async function getTemplate(deps: { db: Kysely<DB> }, workspaceId: string, purpose: EmailPurpose, locale: string): Promise<Template> {
  return templateOf(await createEmailRepository(deps.db).getTemplate(workspaceId, purpose, locale), purpose, locale);
}

export async function saveTemplate(deps: { db: Kysely<DB>; clock: Clock }, actor: Actor, purpose: EmailPurpose, locale: string, input: z.output<typeof putTemplateSchema>): Promise<Template> {
  const unknown = unknownPlaceholders(`${input.subject}\n${input.body}`);
  if (unknown.length > 0) {
    throw badRequest('email.unknown_placeholder', `Unknown placeholder {${unknown[0]}}: use ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`, { placeholders: unknown });
  }
  await createEmailRepository(deps.db).saveTemplate({ workspace_id: actor.workspaceId, purpose, locale, subject: input.subject, body: input.body, updated_at: toDbTime(deps.clock.now()) });
  return getTemplate(deps, actor.workspaceId, purpose, locale);
}

function templateOf(row: { subject: string; body: string; updated_at: string } | undefined, purpose: EmailPurpose, locale: string): Template {
  if (row) return { purpose, locale: locale as Template['locale'], subject: row.subject, body: row.body, isDefault: false, updatedAt: new Date(row.updated_at).toISOString() };
  const fallback = DEFAULT_TEMPLATES[purpose][locale === 'ru' ? 'ru' : 'en'];
  return { purpose, locale: locale as Template['locale'], ...fallback, isDefault: true, updatedAt: null };
}
