import { ATTRIBUTE_TYPES, createAttributeSchema, updateAttributeSchema, type Attribute } from '@contracts/attributes.ts';
import { Button, Group, Modal, Radio, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useFieldIssues } from '../../forms/useFieldIssues.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { attributeKeyFromLabel } from './attributeKey.ts';
import { newOptionRow, OptionsEditor, type OptionRow } from './OptionsEditor.tsx';
import { useCreateAttribute, useUpdateAttribute } from './useAttributes.ts';

interface AttributeFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** The attribute to edit; absent to define a new one. */
  attribute?: Attribute | null;
}

export function AttributeFormModal({ opened, onClose, attribute }: AttributeFormModalProps) {
  const t = useT();
  return (
    <Modal opened={opened} onClose={onClose} title={t(attribute ? 'attributes.editTitle' : 'attributes.addTitle')} centered size="lg">
      {opened && <AttributeForm attribute={attribute ?? null} onDone={onClose} />}
    </Modal>
  );
}

function AttributeForm({ attribute, onDone }: { attribute: Attribute | null; onDone: () => void }) {
  const t = useT();
  const create = useCreateAttribute();
  const update = useUpdateAttribute();
  const issues = useFieldIssues();
  const [label, setLabel] = useState(attribute?.label ?? '');
  const [key, setKey] = useState(attribute?.key ?? '');
  const [keyEdited, setKeyEdited] = useState(attribute !== null);
  const [type, setType] = useState<Attribute['type']>(attribute?.type ?? 'text');
  const [appliesTo, setAppliesTo] = useState<Attribute['appliesTo']>(attribute?.appliesTo ?? 'both');
  const [options, setOptions] = useState<OptionRow[]>(() => attribute?.options.map((option) => newOptionRow(option.label, option.id)) ?? [newOptionRow()]);
  const withOptions = type === 'choice' || type === 'multichoice';
  const sentOptions = withOptions ? options.filter((option) => option.label.trim() !== '').map(({ id, label: text }) => ({ ...(id && { id }), label: text })) : [];
  const paths = ['label', 'key', 'type', 'appliesTo', 'options', ...options.map((_, index) => `options.${index}.label`)];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const onError = (error: unknown) => issues.showError(error, paths);
    if (attribute) {
      const patch = { label, appliesTo, ...(withOptions && { options: sentOptions }) };
      if (issues.check(updateAttributeSchema, patch, paths)) update.mutate({ attributeId: attribute.id, patch }, { onSuccess: onDone, onError });
      return;
    }
    const input = { key, label, type, appliesTo, options: sentOptions };
    if (issues.check(createAttributeSchema, input, paths)) create.mutate(input, { onSuccess: onDone, onError });
  };

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        {issues.formError !== null && <ErrorAlert error={issues.formError} />}
        <TextInput
          label={t('attributes.label')}
          description={t('attributes.labelHint')}
          required
          data-autofocus
          value={label}
          onChange={(event) => {
            setLabel(event.currentTarget.value);
            if (!keyEdited) setKey(attributeKeyFromLabel(event.currentTarget.value));
          }}
          error={issues.errorAt('label')}
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('attributes.key')}
            description={t(attribute ? 'attributes.keyFixed' : 'attributes.keyHint')}
            required
            disabled={attribute !== null}
            value={key}
            onChange={(event) => {
              setKey(event.currentTarget.value);
              setKeyEdited(true);
            }}
            error={issues.errorAt('key')}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
          <Select
            label={t('attributes.type')}
            description={attribute ? t('attributes.typeFixed') : undefined}
            disabled={attribute !== null}
            allowDeselect={false}
            data={ATTRIBUTE_TYPES.map((value) => ({ value, label: t(`attributes.types.${value}`) }))}
            value={type}
            onChange={(next) => next && setType(next as Attribute['type'])}
            error={issues.errorAt('type')}
            comboboxProps={{ withinPortal: true }}
          />
        </Group>
        <Radio.Group label={t('attributes.appliesTo')} value={appliesTo} onChange={(next) => setAppliesTo(next as Attribute['appliesTo'])}>
          <Group gap="lg" mt={6}>
            {(['both', 'person', 'organisation'] as const).map((value) => (
              <Radio key={value} value={value} label={t(`attributes.for.${value}`)} />
            ))}
          </Group>
        </Radio.Group>
        {withOptions && <OptionsEditor options={options} onChange={setOptions} errorAt={issues.errorAt} />}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {t(attribute ? 'common.save' : 'attributes.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
