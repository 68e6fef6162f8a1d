import { createContext, useContext } from 'react';

/** What the last one-click action came to: a line to confirm it, or the error and whose item it was. */
export type TodayOutcome = { ok: true; text: string } | { ok: false; error: unknown; name: string };

export const TodayOutcomeContext = createContext<(outcome: TodayOutcome) => void>(() => undefined);

/** Reports an action's outcome to the page, which shows it above the queue. */
export const useReportOutcome = () => useContext(TodayOutcomeContext);
