import { winbackActionResultSchema, winbackListSchema, type winbackActionInputSchema, type WinbackEntry } from '@contracts/winback.ts';
import type { z } from 'zod';
import { request } from './apiClient.ts';

export type { WinbackEntry };
export type WinbackList = z.output<typeof winbackListSchema>;
export type WinbackAction = z.input<typeof winbackActionInputSchema>;

export interface WinbackFilter {
  tier?: WinbackEntry['tier'];
  state?: WinbackEntry['lapseState'];
  /** Hides those with a win-back action in the last 14 days. */
  hideContacted: boolean;
}

const id = (value: string) => encodeURIComponent(value);

/** The win-back queue and its one-click actions. */
export const winbackApi = {
  list: ({ tier, state, hideContacted }: WinbackFilter, signal?: AbortSignal) =>
    request('GET', '/winback', { query: { tier, state, includeContacted: hideContacted ? 'false' : undefined }, signal, schema: winbackListSchema }),
  act: (customerId: string, body: WinbackAction) => request('POST', `/customers/${id(customerId)}/winback`, { body, schema: winbackActionResultSchema }),
};
