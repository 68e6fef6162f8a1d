import { createTagSchema, TAG_COLORS, type Tag } from '@contracts/tags.ts';
import { Button, ColorSwatch, Group, Modal, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useFieldIssues } from '../../forms/useFieldIssues.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TagBadge } from './TagBadge.tsx';
import { useCreateTag, useUpdateTag } from './useTags.ts';

const PATHS = ['name', 'color'];

export function TagFormModal({ opened, onClose, tag }: { opened: boolean; onClose: () => void; tag: Tag | null }) {
  const t = useT();
  return (
    <Modal opened={opened} onClose={onClose} title={t(tag ? 'tags.editTitle' : 'tags.addTitle')} centered>
      {opened && <TagForm tag={tag} onDone={onClose} />}
    </Modal>
  );
}

function TagForm({ tag, onDone }: { tag: Tag | null; onDone: () => void }) {
  const t = useT();
  const create = useCreateTag();
  const update = useUpdateTag();
  const issues = useFieldIssues();
  const [name, setName] = useState(tag?.name ?? '');
  const [color, setColor] = useState<Tag['color']>(tag?.color ?? 'blue');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = issues.check(createTagSchema, { name, color }, PATHS);
    if (!input) return;
    const onError = (error: unknown) => issues.showError(error, PATHS);
    if (tag) update.mutate({ tagId: tag.id, patch: input }, { onSuccess: onDone, onError });
    else create.mutate(input, { onSuccess: onDone, onError });
  };

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        {issues.formError !== null && <ErrorAlert error={issues.formError} />}
        <TextInput label={t('tags.name')} required data-autofocus value={name} onChange={(event) => setName(event.currentTarget.value)} error={issues.errorAt('name')} />
        <Radio.Group label={t('tags.color')} value={color} onChange={(next) => setColor(next as Tag['color'])}>
          <SimpleGrid cols={{ base: 2, xs: 3 }} spacing={8} mt={8}>
            {TAG_COLORS.map((value) => (
              <Radio
                key={value}
                value={value}
                label={
                  <Group gap={6} component="span" wrap="nowrap">
                    <ColorSwatch color={`var(--mantine-color-${value}-6)`} size={14} aria-hidden />
                    {t(`tags.colors.${value}`)}
                  </Group>
                }
              />
            ))}
          </SimpleGrid>
        </Radio.Group>
        <Group gap="xs">
          {t('tags.preview')}
          <TagBadge tag={{ name: name.trim() || t('tags.name'), color }} size="lg" />
        </Group>
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {t(tag ? 'common.save' : 'tags.createButton')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
