import { z } from 'zod';
import {
  currencySchema,
  emailSchema,
  idSchema,
  localeSchema,
  nameSchema,
  passwordSchema,
  roleSchema,
  timeZoneSchema,
} from './common.ts';

export const setupStatusSchema = z.object({
  needsSetup: z.boolean().describe('True until the first workspace has been created'),
});

export const setupRequestSchema = z.object({
  workspaceName: nameSchema,
  baseCurrency: currencySchema,
  locale: localeSchema,
  timeZone: timeZoneSchema,
  ownerName: nameSchema,
  email: emailSchema,
  password: passwordSchema,
});
export type SetupRequest = z.input<typeof setupRequestSchema>;

export const loginRequestSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.input<typeof loginRequestSchema>;

export const currentUserSchema = z.object({
  id: idSchema,
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  locale: localeSchema,
});

export const workspaceSchema = z.object({
  id: idSchema,
  name: z.string(),
  baseCurrency: z.string(),
  locale: localeSchema,
  timeZone: z.string(),
});
export type Workspace = z.infer<typeof workspaceSchema>;

export const sessionSchema = z.object({
  user: currentUserSchema,
  workspace: workspaceSchema,
  csrfToken: z.string().describe('Send back as the x-csrf-token header on every write made with the session cookie'),
});
export type Session = z.infer<typeof sessionSchema>;

export const updateWorkspaceSchema = z
  .object({
    name: nameSchema,
    baseCurrency: currencySchema,
    locale: localeSchema,
    timeZone: timeZoneSchema,
  })
  .partial();
export type UpdateWorkspace = z.input<typeof updateWorkspaceSchema>;
