import { DELIMITERS, ENCODINGS } from '@contracts/imports.ts';
import { Group, Select, Switch } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { DELIMITER_KEYS, type Delimiter, type Encoding } from './importFields.ts';
import type { ImportSettings } from './settingsModel.ts';

type Format = ImportSettings['format'];

interface FormatControlsProps {
  format: Format;
  /** A workbook's sheets (none for text files). */
  sheets: readonly string[];
  onChange: (patch: Partial<Format>) => void;
}

/** How the file is written: a workbook's sheet, or a text file's encoding and column separator; whether row 1 names the columns. */
export function FormatControls({ format, sheets, onChange }: FormatControlsProps) {
  const t = useT();
  const header = (
    <Switch label={t('imports.format.hasHeader')} checked={format.hasHeader} onChange={(event) => onChange({ hasHeader: event.currentTarget.checked })} mb={8} />
  );
  if (format.type === 'xlsx') {
    return (
      <Group align="flex-end" gap="md">
        <Select
          label={t('imports.format.sheet')}
          allowDeselect={false}
          w={280}
          value={format.sheet ?? sheets[0] ?? null}
          onChange={(sheet) => sheet && onChange({ sheet })}
          data={[...sheets]}
        />
        {header}
      </Group>
    );
  }
  return (
    <Group align="flex-end" gap="md">
      <Select
        label={t('imports.format.encoding')}
        allowDeselect={false}
        w={220}
        value={format.encoding}
        onChange={(value) => value && onChange({ encoding: value as Encoding })}
        data={ENCODINGS.map((value) => ({ value, label: t(`imports.format.encodings.${value}`) }))}
      />
      {/* A vCard file has no columns of its own to separate or name: its cards are read under fixed headers. */}
      {format.type !== 'vcard' && (
        <>
          <Select
            label={t('imports.format.delimiter')}
            allowDeselect={false}
            w={220}
            value={format.delimiter}
            onChange={(value) => value && onChange({ delimiter: value as Delimiter })}
            data={DELIMITERS.map((value) => ({ value, label: t(`imports.format.delimiters.${DELIMITER_KEYS[value]}`) }))}
          />
          {header}
        </>
      )}
    </Group>
  );
}
