import type { CustomerProfile } from '@contracts/customers.ts';
import { Stack, Text, Title } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { CustomerLink } from '../customers/CustomerLink.tsx';
import { AddEmploymentForm } from './AddEmploymentForm.tsx';
import { EmploymentList } from './EmploymentList.tsx';
import { ProfileSection } from './ProfileSection.tsx';
import { WorkplaceFailedAlert } from './WorkplaceFailedAlert.tsx';

/** A person's workplaces; an organisation's parent, subsidiaries and people. */
export function EmploymentsSection({ profile, canWrite }: { profile: CustomerProfile; canWrite: boolean }) {
  const t = useT();
  const others = profile.employments.map((employment) => (profile.kind === 'person' ? employment.organisation.id : employment.person.id));

  if (profile.kind === 'person') {
    return (
      <ProfileSection title={t('employments.worksAt')}>
        {profile.employments.length === 0 && <WorkplaceFailedAlert />}
        <EmploymentList employments={profile.employments} show="organisation" canWrite={canWrite} emptyText={t('employments.noWorkplace')} />
        {canWrite && <AddEmploymentForm customer={profile} excludeIds={others} />}
      </ProfileSection>
    );
  }

  return (
    <ProfileSection title={t('organisations.relations')}>
      <Stack gap="md">
        <div>
          <Title order={3} fz="sm" mb={4}>
            {t('customers.fields.parent')}
          </Title>
          {profile.parent ? <CustomerLink customer={profile.parent} withIcon /> : <Text size="sm" c="dimmed">{t('organisations.noParent')}</Text>}
        </div>
        <div>
          <Title order={3} fz="sm" mb={4}>
            {t('organisations.subsidiaries')}
          </Title>
          {profile.children.length === 0 ? (
            <Text size="sm" c="dimmed">{t('organisations.noSubsidiaries')}</Text>
          ) : (
            <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {profile.children.map((child) => (
                <li key={child.id}>
                  <CustomerLink customer={child} withIcon />
                </li>
              ))}
            </Stack>
          )}
        </div>
        <div>
          <Title order={3} fz="sm" mb={4}>
            {t('organisations.people')}
          </Title>
          <EmploymentList employments={profile.employments} show="person" canWrite={canWrite} emptyText={t('organisations.noPeople')} />
          {canWrite && <AddEmploymentForm customer={profile} excludeIds={others} />}
        </div>
      </Stack>
    </ProfileSection>
  );
}
