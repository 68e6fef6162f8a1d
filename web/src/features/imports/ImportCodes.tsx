import { Code, Group, List, Paper, Text, Title } from '@mantine/core';
import { useId } from 'react';
import type { ImportJobView } from '../../api/importsApi.ts';
import { useT } from '../../i18n/i18nContext.ts';

type Codes = NonNullable<ImportJobView['counts']['codes']>;

/** The unknown codes listed by name; the rest are counted. */
const LISTED = 20;

/**
 * What the codes on the purchases meant: coupon redemptions (and those flagged past a limit or
 * outside their dates), purchases linked to a campaign by its name, customers referred by a
 * referral code, and codes that match nothing, kept on the purchases as written.
 */
export function ImportCodes({ codes }: { codes: Codes }) {
  const t = useT();
  const titleId = useId();
  const flags = (['overLimit', 'expired', 'notYetValid'] as const).filter((key) => codes[key] > 0);
  const none = codes.redeemed === 0 && codes.byCampaignName === 0 && codes.referred === 0 && codes.unknown.length === 0;
  const line = (key: string, count: number) => (
    <Text size="sm">
      {t(`acquisition.importCodes.${key}`, { count })}
    </Text>
  );

  return (
    <Paper withBorder radius="md" px="md" py="sm" role="group" aria-labelledby={titleId}>
      <Title order={3} fz="sm" mb={6} id={titleId}>
        {t('acquisition.importCodes.title')}
      </Title>
      {none && line('none', 0)}
      {!none && line('redeemed', codes.redeemed)}
      {flags.length > 0 && (
        <Text size="sm" c="orange.8">
          {t('acquisition.importCodes.flagged', { list: flags.map((key) => t(`acquisition.importCodes.flags.${key}`, { count: codes[key] })).join(', ') })}
        </Text>
      )}
      {codes.byCampaignName > 0 && line('byCampaignName', codes.byCampaignName)}
      {codes.referred > 0 && line('referred', codes.referred)}
      {codes.unknown.length > 0 && (
        <>
          <Text size="sm" mt={6}>
            {t('acquisition.importCodes.unknown', { count: codes.unknown.length })}
          </Text>
          <List size="sm" spacing={2} mt={4} listStyleType="none">
            {codes.unknown.slice(0, LISTED).map((unknown) => (
              <List.Item key={unknown.code}>
                <Group gap={6} wrap="nowrap">
                  <Code>{unknown.code}</Code>
                  <Text size="sm" c="dimmed">
                    {t('acquisition.importCodes.purchases', { count: unknown.purchases })}
                  </Text>
                </Group>
              </List.Item>
            ))}
          </List>
          {codes.unknown.length > LISTED && (
            <Text size="xs" c="dimmed" mt={4}>
              {t('acquisition.importCodes.more', { count: codes.unknown.length - LISTED })}
            </Text>
          )}
        </>
      )}
    </Paper>
  );
}
