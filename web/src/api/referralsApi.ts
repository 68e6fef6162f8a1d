import { referralsOfSchema, type setReferrerSchema } from '@contracts/referrals.ts';
import { z } from 'zod';
import { request } from './apiClient.ts';

/** Exactly one of: { referrerId } (null for nobody), { referralCode }, { introducer }. */
export type SetReferrer = z.input<typeof setReferrerSchema>;

const codeSchema = z.object({ referralCode: z.string() });
const path = (customerId: string) => `/customers/${encodeURIComponent(customerId)}`;

/** Who referred a customer, whom they referred (a tree `depth` levels deep), and their referral code. */
export const referralsApi = {
  get: (customerId: string, depth: number, signal?: AbortSignal) =>
    request('GET', `${path(customerId)}/referrals`, { query: { depth }, signal, schema: referralsOfSchema }),
  /** Answers with the customer's referrals as they are now (six levels deep). */
  setReferrer: (customerId: string, body: SetReferrer) => request('PUT', `${path(customerId)}/referrer`, { body, schema: referralsOfSchema }),
  /** The code they have, or a new one. */
  createCode: (customerId: string) =>
    request('POST', `${path(customerId)}/referral-code`, { body: {}, schema: codeSchema }).then((result) => result.referralCode),
};
