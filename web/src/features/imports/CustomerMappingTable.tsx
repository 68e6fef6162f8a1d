import { Select, Stack, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { CustomerInspection } from '../../api/importsApi.ts';
import { useI18n } from '../../i18n/i18nContext.ts';
import { customerFieldOptions, isBuiltInCustomerField, type CustomerMapping } from './customerImportModel.ts';
import { IGNORE } from './importFields.ts';
import { fieldOfColumn, sampleValues } from './mappingModel.ts';

interface CustomerMappingTableProps {
  inspection: CustomerInspection;
  mapping: CustomerMapping;
  onChange: (header: string, field: string | null) => void;
}

/** One row per column of a customers file: its name, a few of its values, and the customer field or attribute it is read as. */
export function CustomerMappingTable({ inspection, mapping, onChange }: CustomerMappingTableProps) {
  const { t, has } = useI18n();
  const options = useMemo(() => customerFieldOptions(t, inspection.fields), [t, inspection.fields]);
  const keys = useMemo(() => new Set(inspection.fields.map((field) => field.key)), [inspection.fields]);
  const help = (key: string) => {
    if (isBuiltInCustomerField(key)) return has(`imports.customerFields.${key}.help`) ? t(`imports.customerFields.${key}.help`) : null;
    return keys.has(key) ? t('imports.customerFields.attributeHelp') : null;
  };
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
            const fieldHelp = field && help(field);
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
                    <Select
                      aria-label={t('imports.mapping.readColumnAs', { column: header })}
                      data={options}
                      value={field ?? IGNORE}
                      allowDeselect={false}
                      searchable
                      maxDropdownHeight={360}
                      comboboxProps={{ width: 380, position: 'bottom-start' }}
                      renderOption={({ option }) => {
                        const optionHelp = option.value === IGNORE ? null : help(option.value);
                        return (
                          <div>
                            <Text size="sm">{option.label}</Text>
                            {optionHelp && (
                              <Text size="xs" c="dimmed">
                                {optionHelp}
                              </Text>
                            )}
                          </div>
                        );
                      }}
                      w={230}
                      onChange={(value) => onChange(header, value && value !== IGNORE && keys.has(value) ? value : null)}
                    />
                    {fieldHelp && (
                      <Text size="xs" c="dimmed">
                        {fieldHelp}
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
