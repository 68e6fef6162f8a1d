import { ActionIcon, Badge, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { CouponCode } from '../../api/campaignsApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { campaignDates } from './campaignDates.ts';

const NUMBER = { ta: 'right', style: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } } as const;

interface CodesTableProps {
  codes: readonly CouponCode[];
  onDelete?: ((code: CouponCode) => void) | undefined;
}

/** The campaign's codes: when each is valid, how often it may be used, how often it was, and how many uses were flagged. */
export function CodesTable({ codes, onDelete }: CodesTableProps) {
  const t = useT();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={620} mah={420}>
      <Table verticalSpacing={6} stickyHeader aria-label={t('campaigns.codes.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('campaigns.codes.code')}</Table.Th>
            <Table.Th scope="col">{t('campaigns.codes.valid')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('campaigns.codes.maxUses')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('campaigns.codes.uses')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('campaigns.codes.flagged')}
            </Table.Th>
            {onDelete && (
              <Table.Th scope="col" w={48}>
                <VisuallyHidden>{t('campaigns.columns.actions')}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {codes.map((code) => {
            const valid = campaignDates(code.validFrom, code.validUntil, format.day);
            return (
              <Table.Tr key={code.id}>
                <Table.Th scope="row">
                  <Text ff="monospace" size="sm" fw={600}>
                    {code.code}
                  </Text>
                </Table.Th>
                <Table.Td>
                  <Text size="sm" c={code.validFrom || code.validUntil ? undefined : 'dimmed'}>
                    {code.validFrom || code.validUntil ? t(valid.key, valid.vars) : t('campaigns.codes.always')}
                  </Text>
                </Table.Td>
                <Table.Td {...NUMBER}>{code.maxUses === null ? <Text span c="dimmed" size="sm">{t('campaigns.codes.unlimited')}</Text> : format.number(code.maxUses)}</Table.Td>
                <Table.Td {...NUMBER}>{format.number(code.uses)}</Table.Td>
                <Table.Td {...NUMBER}>
                  {code.flagged > 0 ? (
                    <Badge color="orange" variant="light">
                      {format.number(code.flagged)}
                    </Badge>
                  ) : (
                    <Text span c="dimmed" size="sm">
                      0
                    </Text>
                  )}
                </Table.Td>
                {onDelete && (
                  <Table.Td>
                    <ActionIcon variant="subtle" color="red" aria-label={t('campaigns.codes.delete.action', { code: code.code })} onClick={() => onDelete(code)}>
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
