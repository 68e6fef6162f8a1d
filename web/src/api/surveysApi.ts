import { surveyInvitationSchema, type createSurveySchema } from '@contracts/surveys.ts';
import type { z } from 'zod';
import { request } from './apiClient.ts';

export type CreateSurvey = z.input<typeof createSurveySchema>;
export type SurveyInvitation = z.output<typeof surveyInvitationSchema>;

/** Survey links made by hand for one customer: the link is in this answer only. */
export const surveysApi = {
  create: (customerId: string, body: CreateSurvey) =>
    request('POST', `/customers/${encodeURIComponent(customerId)}/surveys`, { body, schema: surveyInvitationSchema }),
};
