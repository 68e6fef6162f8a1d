import type { CustomerProfile } from '@contracts/customers.ts';
import { Badge, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingSkyscraper, IconUser } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';
import { CustomerLink } from '../customers/CustomerLink.tsx';
import { CompletenessPanel } from './CompletenessPanel.tsx';
import { ProfileActions } from './ProfileActions.tsx';
import { ProfileTags } from './ProfileTags.tsx';

/** Who this is, where they belong, their tags, how complete the profile is, and what can be done. */
export function ProfileHeader({ profile, canWrite }: { profile: CustomerProfile; canWrite: boolean }) {
  const t = useT();
  const person = profile.kind === 'person';
  const belongsTo = person ? profile.employments[0]?.organisation : profile.parent;
  const role = person ? profile.employments[0]?.title : null;

  return (
    <Card withBorder radius="lg" p="lg">
      <Group justify="space-between" align="flex-start" gap="lg">
        <Stack gap={8} miw={0} style={{ flex: 1 }}>
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon size={44} radius="xl" variant="light" color={person ? 'blue' : 'grape'} aria-hidden>
              {person ? <IconUser size={24} /> : <IconBuildingSkyscraper size={24} />}
            </ThemeIcon>
            <Stack gap={2} miw={0}>
              <Group gap="xs" wrap="wrap">
                <Title order={1} fz={26} style={{ wordBreak: 'break-word' }}>
                  {profile.displayName}
                </Title>
                <Badge variant="light" color={person ? 'blue' : 'grape'}>
                  {t(`customers.kind.${profile.kind}`)}
                </Badge>
              </Group>
              {belongsTo && (
                <Text size="sm" c="dimmed" component="div">
                  <Group gap={6} wrap="wrap">
                    {t(person ? 'profile.worksAt' : 'profile.partOf')}
                    <CustomerLink customer={belongsTo} />
                    {role && <span>· {role}</span>}
                  </Group>
                </Text>
              )}
            </Stack>
          </Group>
          <ProfileTags profile={profile} canWrite={canWrite} />
        </Stack>
        <Stack gap="md" align="flex-end">
          {canWrite && <ProfileActions profile={profile} />}
          <CompletenessPanel detail={profile.completenessDetail} />
        </Stack>
      </Group>
    </Card>
  );
}
