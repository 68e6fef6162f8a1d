import { describe, expect, it } from 'vitest';
import { setupRequestSchema } from '../../../src/contracts/auth.ts';
import { createUserSchema } from '../../../src/contracts/users.ts';
import { issuesFromZod } from './zodIssues.ts';

describe('issuesFromZod', () => {
  it('gives the server codes for the setup form', () => {
    const result = setupRequestSchema.safeParse({
      workspaceName: '',
      baseCurrency: 'XXQ',
      locale: 'en',
      timeZone: 'Mars/Olympus',
      ownerName: 'Ada',
      email: 'not-an-email',
      password: 'short',
    });
    expect(result.success).toBe(false);
    const byPath = Object.fromEntries(issuesFromZod(result.error!.issues).map((issue) => [issue.path, issue]));
    expect(byPath.workspaceName).toMatchObject({ code: 'too_small', params: { minimum: 1, origin: 'string' } });
    expect(byPath.baseCurrency).toMatchObject({ code: 'unknown_currency' });
    expect(byPath.timeZone).toMatchObject({ code: 'unknown_time_zone' });
    expect(byPath.email).toMatchObject({ code: 'invalid_email' });
    expect(byPath.password).toMatchObject({ code: 'too_small', params: { minimum: 10, origin: 'string' } });
    expect(byPath.ownerName).toBeUndefined();
  });

  it('reports an unknown role as invalid_value and a long name as too_big', () => {
    const result = createUserSchema.safeParse({ name: 'x'.repeat(201), email: 'a@b.co', role: 'boss', password: '0123456789' });
    const byPath = Object.fromEntries(issuesFromZod(result.error!.issues).map((issue) => [issue.path, issue]));
    expect(byPath.role).toMatchObject({ code: 'invalid_value' });
    expect(byPath.name).toMatchObject({ code: 'too_big', params: { maximum: 200 } });
  });
});
