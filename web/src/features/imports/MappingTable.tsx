import type { Inspection, TransactionField } from '@contracts/imports.ts';
import { Badge, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { fieldOptions, IGNORE, isTransactionField } from './importFields.ts';
import { fieldOfColumn, sampleValues, type Mapping } from './mappingModel.ts';

interface MappingTableProps {
  inspection: Inspection;
  mapping: Mapping;
  onChange: (header: string, field: TransactionField | null) => void;
}

/** One row per column of the file: its name, a few of its values, and what Rapport reads it as. */
export function MappingTable({ inspection, mapping, onChange }: MappingTableProps) {
  const t = useT();
  const options = useMemo(() => fieldOptions(t), [t]);
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" aria-label={t('imports.mapping.table')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="24%">{t('imports.mapping.column')}</Table.Th>
            <Table.Th>{t('imports.mapping.samples')}</Table.Th>
            <Table.Th w={400}>{t('imports.mapping.readAs')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {inspection.headers.map((header, index) => {
            const field = fieldOfColumn(mapping, header);
            const reason = field && inspection.proposed[field] === header ? inspection.reasons[field] : undefined;
            return (
              <Table.Tr key={`${index}-${header}`}>
                <Table.Td>
                  <Text fw={600} size="sm">
                    {header}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" lineClamp={2}>
                    {sampleValues(inspection.preview, index).join(' · ') || t('imports.mapping.noValues')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    <Group gap="xs" wrap="nowrap">
                      <Select
                        aria-label={t('imports.mapping.readColumnAs', { column: header })}
                        data={options}
                        value={field ?? IGNORE}
                        allowDeselect={false}
                        searchable
                        maxDropdownHeight={360}
                        comboboxProps={{ width: 380, position: 'bottom-start' }}
                        renderOption={({ option }) => (
                          <div>
                            <Text size="sm">{option.label}</Text>
                            {isTransactionField(option.value) && (
                              <Text size="xs" c="dimmed">
                                {t(`imports.fields.${option.value}.help`)}
                              </Text>
                            )}
                          </div>
                        )}
                        w={230}
                        onChange={(value) => onChange(header, value && isTransactionField(value) ? value : null)}
                      />
                      {reason && (
                        <Badge variant="light" color={reason === 'header' ? 'indigo' : 'grape'} title={t('imports.mapping.proposedHint')}>
                          {t(`imports.mapping.reasons.${reason}`)}
                        </Badge>
                      )}
                    </Group>
                    {field && (
                      <Text size="xs" c="dimmed">
                        {t(`imports.fields.${field}.help`)}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
