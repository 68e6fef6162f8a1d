import { z } from 'zod';
import { emailSchema, idSchema, isoTimestampSchema, localeSchema, nameSchema, passwordSchema, roleSchema } from './common.ts';

export const userSchema = z.object({
  id: idSchema,
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  locale: localeSchema,
  disabled: z.boolean(),
  createdAt: isoTimestampSchema,
});
export type User = z.infer<typeof userSchema>;

export const userListSchema = z.object({ items: z.array(userSchema) });

export const createUserSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  role: roleSchema,
  password: passwordSchema,
  locale: localeSchema.optional(),
});
export type CreateUser = z.input<typeof createUserSchema>;

export const updateUserSchema = z
  .object({ name: nameSchema, role: roleSchema, disabled: z.boolean() })
  .partial();
export type UpdateUser = z.input<typeof updateUserSchema>;

export const updateMeSchema = z.object({ name: nameSchema, locale: localeSchema }).partial();
export type UpdateMe = z.input<typeof updateMeSchema>;

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});
export type ChangePassword = z.input<typeof changePasswordSchema>;

export const userIdParamsSchema = z.object({ userId: idSchema });
