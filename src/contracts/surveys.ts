import { z } from 'zod';
import { idSchema, isoTimestampSchema } from './common.ts';

export const surveyTokenParamsSchema = z.object({ token: z.string().min(10).max(200) });
export const surveyQuestionSchema = z.object({
  kind: z.enum(['choose', 'exit']),
  locale: z.string(),
  workspaceName: z.string(),
  question: z.string(),
  options: z.array(z.object({ id: idSchema, name: z.string() })),
  expiresAt: isoTimestampSchema,
});
export const surveyAnswerSchema = z.object({
  reasonIds: z.array(idSchema).max(20).default([]),
  words: z.string().max(2000, 'At most 2000 characters').default(''),
});
export const surveyAnswerResultSchema = z.object({ recorded: z.number().int() });
export const createSurveySchema = z.object({ kind: z.enum(['choose', 'exit']), locale: z.enum(['en', 'ru']).optional() });
export const surveyInvitationSchema = z.object({
  id: idSchema,
  customerId: idSchema,
  kind: z.enum(['choose', 'exit']),
  locale: z.string(),
  link: z.string().describe('Shown once: only the hash of its token is stored'),
  expiresAt: isoTimestampSchema,
});
