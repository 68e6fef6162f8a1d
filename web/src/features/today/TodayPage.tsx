import { SegmentedControl, Stack } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { TodayScope } from '../../api/todayApi.ts';
import { useI18n } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { can } from '../auth/permissions.ts';
import { useSession } from '../auth/useSession.ts';
import { useCustomerCount } from '../customers/useCustomers.ts';
import { StartCard } from './StartCard.tsx';
import { TodayOutcomeAlert } from './TodayOutcomeAlert.tsx';
import { TodaySection } from './TodaySection.tsx';
import { WeekStrip } from './WeekStrip.tsx';
import { longDay, orderFollowUps } from './todayModel.ts';
import { TodayOutcomeContext, type TodayOutcome } from './todayOutcome.ts';
import { SECTION_ORDER } from './todaySections.ts';
import { useTodayQueue } from './useToday.ts';

const SCOPES: readonly TodayScope[] = ['mine', 'everyone'];

/**
 * The page a shop owner opens every morning: how the week goes, then one queue of who to
 * follow up, thank, win back, ask, congratulate and welcome, each one click from done.
 */
export function TodayPage() {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const scope: TodayScope = SCOPES.find((s) => s === params.get('scope')) ?? 'everyone';
  const queue = useTodayQueue(scope);
  const customers = useCustomerCount({});
  const [outcome, setOutcome] = useState<TodayOutcome | null>(null);
  const closeOutcome = useCallback(() => setOutcome(null), []);
  const canWrite = can(user.role, 'writeCustomers');
  const data = queue.data;

  return (
    <TodayOutcomeContext value={setOutcome}>
      <PageHeader
        title={t('today.title')}
        description={data ? longDay(data.today, locale) : t('today.description')}
        actions={
          <SegmentedControl
            aria-label={t('today.scope.label')}
            value={scope}
            onChange={(next) => setParams(next === 'everyone' ? {} : { scope: next }, { replace: true })}
            data={SCOPES.map((value) => ({ value, label: t(`today.scope.${value}`) }))}
          />
        }
      />
      <Stack gap="lg">
        {customers.data === 0 && <StartCard />}
        {queue.isPending && <LoadingState />}
        {queue.isError && <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />}
        {data && (
          <>
            <WeekStrip week={data.week} currency={data.currency} />
            {outcome && <TodayOutcomeAlert outcome={outcome} onClose={closeOutcome} />}
            <Stack gap="md">
              {SECTION_ORDER.map((look) => {
                const { count, items } = data.sections[look.section];
                return (
                  <TodaySection
                    key={look.section}
                    look={look}
                    count={count}
                    items={look.section === 'followUpsDue' ? orderFollowUps(items, user.id) : items}
                    queue={data}
                    userId={user.id}
                    canWrite={canWrite}
                  />
                );
              })}
            </Stack>
          </>
        )}
      </Stack>
    </TodayOutcomeContext>
  );
}
