import type { Attribute } from '@contracts/attributes.ts';
import { Checkbox, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import type { AttributeInputValue } from './attributeValue.ts';

interface AttributeInputProps {
  attribute: Attribute;
  value: AttributeInputValue;
  onChange: (value: AttributeInputValue) => void;
  error?: string | undefined;
  currency: string;
}

/** The input for one custom attribute, by its type; labelled with the attribute's own label. */
export function AttributeInput({ attribute, value, onChange, error, currency }: AttributeInputProps) {
  const t = useT();
  const text = Array.isArray(value) ? '' : value;
  const common = { label: attribute.label, error };
  const onText = (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => onChange(event.currentTarget.value);
  const notSet = { value: '', label: t('common.notSet') };

  switch (attribute.type) {
    case 'number':
      return <TextInput {...common} inputMode="decimal" value={text} onChange={onText} />;
    case 'money':
      return <TextInput {...common} inputMode="decimal" value={text} onChange={onText} rightSection={<span aria-hidden>{currency}</span>} rightSectionWidth={48} description={t('attributes.moneyHint', { currency })} />;
    case 'date':
      return <TextInput {...common} type="date" value={text} onChange={onText} />;
    case 'boolean':
      return <NativeSelect {...common} value={text} onChange={onText} data={[notSet, { value: 'true', label: t('common.yes') }, { value: 'false', label: t('common.no') }]} />;
    case 'choice':
      return <NativeSelect {...common} value={text} onChange={onText} data={[notSet, ...attribute.options.map((option) => ({ value: option.id, label: option.label }))]} />;
    case 'multichoice':
      return (
        <Checkbox.Group {...common} value={Array.isArray(value) ? value : []} onChange={onChange}>
          <Stack gap={6} mt={6}>
            <Group gap="md">
              {attribute.options.map((option) => (
                <Checkbox key={option.id} value={option.id} label={option.label} />
              ))}
            </Group>
          </Stack>
        </Checkbox.Group>
      );
    default:
      return <TextInput {...common} value={text} onChange={onText} />;
  }
}
