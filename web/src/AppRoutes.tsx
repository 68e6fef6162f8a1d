import { useQuery } from '@tanstack/react-query';
import { Navigate, Route, Routes } from 'react-router';
import { api } from './api/api.ts';
import { queryKeys } from './api/queryKeys.ts';
import { LoginPage } from './features/auth/LoginPage.tsx';
import { RequireSession } from './features/auth/RequireSession.tsx';
import { useSessionQuery } from './features/auth/useSession.ts';
import { AttributesSettings } from './features/attributes/AttributesSettings.tsx';
import { CampaignPage } from './features/campaigns/CampaignPage.tsx';
import { CampaignsPage } from './features/campaigns/CampaignsPage.tsx';
import { CustomersPage } from './features/customers/CustomersPage.tsx';
import { DeletedCustomersPage } from './features/deleted/DeletedCustomersPage.tsx';
import { DuplicatesPage } from './features/duplicates/DuplicatesPage.tsx';
import { SessionPreferencesSync } from './features/language/SessionPreferencesSync.tsx';
import { OrganisationsPage } from './features/organisations/OrganisationsPage.tsx';
import { ImportJobPage } from './features/imports/ImportJobPage.tsx';
import { ImportPage } from './features/imports/ImportPage.tsx';
import { SegmentsPage } from './features/segments/SegmentsPage.tsx';
import { ProfilePage } from './features/profile/ProfilePage.tsx';
import { ConcentrationReportPage } from './features/reports/ConcentrationReportPage.tsx';
import { PivotReportPage } from './features/reports/PivotReportPage.tsx';
import { ProfitReportPage } from './features/reports/ProfitReportPage.tsx';
import { ReferralsReportPage } from './features/reports/ReferralsReportPage.tsx';
import { ReportsHubPage } from './features/reports/ReportsHubPage.tsx';
import { SourcesReportPage } from './features/reports/SourcesReportPage.tsx';
import { ApiKeysSettings } from './features/settings/ApiKeysSettings.tsx';
import { MyAccountSettings } from './features/settings/MyAccountSettings.tsx';
import { SettingsLayout } from './features/settings/SettingsLayout.tsx';
import { UsersSettings } from './features/settings/UsersSettings.tsx';
import { WorkspaceSettings } from './features/settings/WorkspaceSettings.tsx';
import { SetupPage } from './features/setup/SetupPage.tsx';
import { SourcesSettings } from './features/sources/SourcesSettings.tsx';
import { EmailSettingsPage } from './features/email/EmailSettingsPage.tsx';
import { OutboxPage } from './features/outbox/OutboxPage.tsx';
import { ExitReasonsReportPage } from './features/reasons/ExitReasonsReportPage.tsx';
import { ReasonsReportPage } from './features/reasons/ReasonsReportPage.tsx';
import { ReasonsSettings } from './features/reasons/ReasonsSettings.tsx';
import { TagsSettings } from './features/tags/TagsSettings.tsx';
import { ThanksOwedPage } from './features/thanks/ThanksOwedPage.tsx';
import { ThanksReportPage } from './features/thanks/ThanksReportPage.tsx';
import { ThanksRulesSettings } from './features/thanks/ThanksRulesSettings.tsx';
import { FollowUpRulesSettings } from './features/followups/FollowUpRulesSettings.tsx';
import { AppShellLayout } from './features/shell/AppShellLayout.tsx';
import { NotFoundPage } from './features/shell/NotFoundPage.tsx';
import { TodayPage } from './features/today/TodayPage.tsx';
import { WinbackPage } from './features/winback/WinbackPage.tsx';
import { AnalyticsSettings } from './features/value/AnalyticsSettings.tsx';
import { ModelPage } from './features/value/ModelPage.tsx';
import { RfmPage } from './features/value/RfmPage.tsx';
import { ValueDashboardPage } from './features/value/ValueDashboardPage.tsx';
import { ValueLayout } from './features/value/ValueLayout.tsx';
import { FullPageError } from './ui/FullPageError.tsx';
import { LoadingState } from './ui/LoadingState.tsx';

/** First-run setup at any URL until a workspace exists; then sign-in, then the app. */
export function AppRoutes() {
  const setup = useQuery({ queryKey: queryKeys.setup, queryFn: api.setup.status, staleTime: Infinity });
  const session = useSessionQuery();

  if (setup.isPending || (setup.data?.needsSetup === false && session.isPending)) return <LoadingState fullPage />;
  if (setup.isError) return <FullPageError error={setup.error} onRetry={() => void setup.refetch()} />;
  if (setup.data.needsSetup) return <SetupPage />;
  if (session.isError) return <FullPageError error={session.error} onRetry={() => void session.refetch()} />;

  return (
    <>
      <SessionPreferencesSync />
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          element={
            <RequireSession>
              <AppShellLayout />
            </RequireSession>
          }
        >
          <Route index element={<Navigate to="/today" replace />} />
          <Route path="today" element={<TodayPage />} />
          <Route path="winback" element={<WinbackPage />} />
          <Route path="thanks" element={<ThanksOwedPage />} />
          <Route path="customers" element={<CustomersPage />} />
          <Route path="customers/duplicates" element={<DuplicatesPage />} />
          <Route path="customers/deleted" element={<DeletedCustomersPage />} />
          <Route path="customers/:customerId" element={<ProfilePage />} />
          <Route path="organisations" element={<OrganisationsPage />} />
          <Route path="value" element={<ValueLayout />}>
            <Route index element={<ValueDashboardPage />} />
            <Route path="segments" element={<RfmPage />} />
            <Route path="model" element={<ModelPage />} />
          </Route>
          <Route path="segments" element={<SegmentsPage />} />
          <Route path="reports" element={<ReportsHubPage />} />
          <Route path="reports/sources" element={<SourcesReportPage />} />
          <Route path="reports/referrals" element={<ReferralsReportPage />} />
          <Route path="reports/reasons" element={<ReasonsReportPage />} />
          <Route path="reports/exit-reasons" element={<ExitReasonsReportPage />} />
          <Route path="reports/thank-yous" element={<ThanksReportPage />} />
          <Route path="reports/concentration" element={<ConcentrationReportPage />} />
          <Route path="reports/profit" element={<ProfitReportPage />} />
          <Route path="reports/pivot" element={<PivotReportPage />} />
          <Route path="campaigns" element={<CampaignsPage />} />
          <Route path="campaigns/:campaignId" element={<CampaignPage />} />
          <Route path="import" element={<ImportPage />} />
          <Route path="import/:importId" element={<ImportJobPage />} />
          <Route path="settings" element={<SettingsLayout />}>
            <Route path="workspace" element={<WorkspaceSettings />} />
            <Route path="attributes" element={<AttributesSettings />} />
            <Route path="tags" element={<TagsSettings />} />
            <Route path="sources" element={<SourcesSettings />} />
            <Route path="reasons" element={<ReasonsSettings />} />
            <Route path="thanks" element={<ThanksRulesSettings />} />
            <Route path="follow-ups" element={<FollowUpRulesSettings />} />
            <Route path="email" element={<EmailSettingsPage />} />
            <Route path="email/outbox" element={<OutboxPage />} />
            <Route path="value" element={<AnalyticsSettings />} />
            <Route path="users" element={<UsersSettings />} />
            <Route path="api-keys" element={<ApiKeysSettings />} />
            <Route path="account" element={<MyAccountSettings />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </>
  );
}
