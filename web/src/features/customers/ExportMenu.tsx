import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload, IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import type { CustomerListQuery } from '../../api/customersApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { exportUrl } from './exportUrl.ts';

/** Downloads the customer list as on screen, as CSV or an Excel workbook (plain links: the browser streams the file). */
export function ExportMenu({ query }: { query: CustomerListQuery }) {
  const t = useT();
  return (
    <Menu position="bottom-end" shadow="md" width={220}>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />}>
          {t('export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('export.label')}</Menu.Label>
        <Menu.Item component="a" href={exportUrl(query, 'csv')} download leftSection={<IconFileTypeCsv size={16} aria-hidden />}>
          {t('export.csv')}
        </Menu.Item>
        <Menu.Item component="a" href={exportUrl(query, 'xlsx')} download leftSection={<IconFileSpreadsheet size={16} aria-hidden />}>
          {t('export.xlsx')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
