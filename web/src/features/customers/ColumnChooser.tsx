import type { Attribute } from '@contracts/attributes.ts';
import { Button, Checkbox, Divider, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';
import { BASE_COLUMNS, toggleColumn, VALUE_COLUMNS } from './columnModel.ts';
import { useColumnLabel } from './useColumnLabel.ts';

interface ColumnChooserProps {
  columns: readonly string[];
  attributes: readonly Attribute[];
  onChange: (columns: string[]) => void;
}

/** Which columns the list shows: every built-in field and every attribute. The name always shows. */
export function ColumnChooser({ columns, attributes, onChange }: ColumnChooserProps) {
  const t = useT();
  const label = useColumnLabel(attributes);
  const box = (column: string) => (
    <Checkbox
      key={column}
      label={label(column)}
      checked={column === 'name' || columns.includes(column)}
      disabled={column === 'name'}
      onChange={(event) => onChange(toggleColumn(columns, column, event.currentTarget.checked, attributes))}
    />
  );
  return (
    <Popover position="bottom-end" width={260} shadow="md" trapFocus>
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns size={16} aria-hidden />}>
          {t('customers.columnsButton')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown role="dialog" aria-label={t('customers.columnsButton')}>
        <ScrollArea.Autosize mah={420} type="auto" offsetScrollbars>
          <Stack gap={8} role="group" aria-label={t('customers.columnsButton')}>
            {BASE_COLUMNS.map(box)}
            <Divider my={4} />
            <Text size="xs" fw={600} c="dimmed" tt="uppercase">
              {t('filters.valueGroup')}
            </Text>
            {VALUE_COLUMNS.map(box)}
            {attributes.length > 0 && (
              <>
                <Divider my={4} />
                <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                  {t('filters.attributesGroup')}
                </Text>
                {attributes.map((attribute) => box(`attr.${attribute.key}`))}
              </>
            )}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
