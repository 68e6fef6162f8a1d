import { apiKeyListSchema, createdApiKeySchema, type CreateApiKey } from '@contracts/api-keys.ts';
import {
  sessionSchema,
  setupStatusSchema,
  workspaceSchema,
  type LoginRequest,
  type Session,
  type SetupRequest,
  type UpdateWorkspace,
} from '@contracts/auth.ts';
import { okSchema } from '@contracts/common.ts';
import { userListSchema, userSchema, type ChangePassword, type CreateUser, type UpdateMe, type UpdateUser } from '@contracts/users.ts';
import { isApiError } from './ApiError.ts';
import { request, setCsrfToken } from './apiClient.ts';
import { customersApi } from './customersApi.ts';
import { activitiesApi, attributesApi, tagsApi, viewsApi } from './workspaceDataApi.ts';

/** Keeps the CSRF token of whatever session the server just described. */
function remember(session: Session): Session {
  setCsrfToken(session.csrfToken);
  return session;
}

/** Every endpoint the web app uses, typed by the shared contracts. */
export const api = {
  setup: {
    status: () => request('GET', '/setup', { schema: setupStatusSchema }),
    create: (body: SetupRequest) => request('POST', '/setup', { body, schema: sessionSchema }).then(remember),
  },
  auth: {
    login: (body: LoginRequest) => request('POST', '/auth/login', { body, schema: sessionSchema }).then(remember),
    logout: () => request('POST', '/auth/logout', { body: {}, schema: okSchema }).finally(() => setCsrfToken(undefined)),
    /** The current session, or null when signed out. */
    session: async (): Promise<Session | null> => {
      try {
        return remember(await request('GET', '/auth/session', { schema: sessionSchema }));
      } catch (error) {
        if (isApiError(error) && error.status === 401) {
          setCsrfToken(undefined);
          return null;
        }
        throw error;
      }
    },
  },
  me: {
    get: () => request('GET', '/me', { schema: userSchema }),
    update: (body: UpdateMe) => request('PATCH', '/me', { body, schema: userSchema }),
    changePassword: (body: ChangePassword) => request('POST', '/me/password', { body, schema: okSchema }),
  },
  workspace: {
    get: () => request('GET', '/workspace', { schema: workspaceSchema }),
    update: (body: UpdateWorkspace) => request('PATCH', '/workspace', { body, schema: workspaceSchema }),
  },
  users: {
    list: () => request('GET', '/users', { schema: userListSchema }).then((page) => page.items),
    get: (userId: string) => request('GET', `/users/${encodeURIComponent(userId)}`, { schema: userSchema }),
    create: (body: CreateUser) => request('POST', '/users', { body, schema: userSchema }),
    update: (userId: string, body: UpdateUser) =>
      request('PATCH', `/users/${encodeURIComponent(userId)}`, { body, schema: userSchema }),
  },
  apiKeys: {
    list: () => request('GET', '/api-keys', { schema: apiKeyListSchema }).then((page) => page.items),
    create: (body: CreateApiKey) => request('POST', '/api-keys', { body, schema: createdApiKeySchema }),
    revoke: (apiKeyId: string) => request('DELETE', `/api-keys/${encodeURIComponent(apiKeyId)}`, { schema: okSchema }),
  },
  customers: customersApi,
  activities: activitiesApi,
  attributes: attributesApi,
  tags: tagsApi,
  views: viewsApi,
};
