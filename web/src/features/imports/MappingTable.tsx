import { Badge, Group, Select, Stack, Table, Text, type ComboboxData } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { IGNORE } from './importFields.ts';
import { fieldOfColumn, sampleValues, type Mapping } from './mappingModel.ts';

/** A proposal's badge: by the column's name, by its values, or by the export layout Rapport recognised. */
const REASON_COLORS = { header: 'indigo', values: 'grape', preset: 'teal' } as const;

/** What a column can be read as, for one kind of file (see useFieldChoices). */
export interface FieldChoices<F extends string> {
  options: ComboboxData;
  /** A field's one-line help, or null. */
  help: (field: string) => string | null;
  /** The field a chosen option reads the column as, or null for "ignore". */
  fieldOf: (value: string) => F | null;
  /** Why Rapport proposed this column for this field, if it did. */
  proposal?: (header: string, field: F) => 'header' | 'values' | 'preset' | undefined;
}

interface MappingTableProps<F extends string> {
  inspection: { headers: readonly string[]; preview: readonly { cells: readonly string[] }[] };
  mapping: Mapping<F>;
  choices: FieldChoices<F>;
  onChange: (header: string, field: F | null) => void;
}

/** One row per column of the file: its name, a few of its values, and what Rapport reads it as. */
export function MappingTable<F extends string>({ inspection, mapping, choices, onChange }: MappingTableProps<F>) {
  const t = useT();
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
            const fieldHelp = field && choices.help(field);
            const reason = field ? choices.proposal?.(header, field) : undefined;
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
                        data={choices.options}
                        value={field ?? IGNORE}
                        allowDeselect={false}
                        searchable
                        maxDropdownHeight={360}
                        comboboxProps={{ width: 380, position: 'bottom-start' }}
                        renderOption={({ option }) => <FieldOption label={option.label} help={option.value === IGNORE ? null : choices.help(option.value)} />}
                        w={230}
                        onChange={(value) => onChange(header, value ? choices.fieldOf(value) : null)}
                      />
                      {reason && (
                        <Badge variant="light" color={REASON_COLORS[reason]} title={t(reason === 'preset' ? 'imports.mapping.presetHint' : 'imports.mapping.proposedHint')}>
                          {t(`imports.mapping.reasons.${reason}`)}
                        </Badge>
                      )}
                    </Group>
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

function FieldOption({ label, help }: { label: string; help: string | null }) {
  return (
    <div>
      <Text size="sm">{label}</Text>
      {help && (
        <Text size="xs" c="dimmed">
          {help}
        </Text>
      )}
    </div>
  );
}
