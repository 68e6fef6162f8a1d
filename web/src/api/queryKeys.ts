/** Cache keys, in one place so that writes invalidate exactly what they change. */
export const queryKeys = {
  setup: ['setup'] as const,
  session: ['session'] as const,
  workspace: ['workspace'] as const,
  users: ['users'] as const,
  apiKeys: ['api-keys'] as const,
  customers: ['customers'] as const,
};
