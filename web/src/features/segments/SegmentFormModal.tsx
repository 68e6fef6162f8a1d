import type { Segment } from '@contracts/segments.ts';
import { Alert, Button, Group, Modal, NumberInput, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../api/ApiError.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { parseFilterText, serverFilterMistake } from '../customers/filterErrors.ts';
import { FilterMistakeView } from '../customers/FilterTextEditor.tsx';
import { useCreateSegment, useFilterCheck, useFilterLang, useUpdateSegment } from './useSegments.ts';

interface SegmentFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** The segment to change; null to save a new one. */
  segment: Segment | null;
  /** A new segment's filter (the customer list's); empty for "New segment". */
  initialFilter?: string;
  /** The list had a search, which a filter cannot hold: say it is left out. */
  searchLeftOut?: boolean;
  /** After saving a new one, offer a link to the Segments page (from the customer list). */
  linkToSegments?: boolean;
}

/** Saves a filter as a segment (dynamic, or a snapshot with a holdout), or renames one and changes a dynamic one's filter. */
export function SegmentFormModal({ opened, onClose, segment, initialFilter = '', searchLeftOut = false, linkToSegments = true }: SegmentFormModalProps) {
  const t = useT();
  return (
    <Modal opened={opened} onClose={onClose} title={t(segment ? 'segments.form.editTitle' : 'segments.form.newTitle')} centered size="lg">
      {opened && <SegmentForm segment={segment} initialFilter={initialFilter} searchLeftOut={searchLeftOut} linkToSegments={linkToSegments} onDone={onClose} />}
    </Modal>
  );
}

function SegmentForm({ segment, initialFilter, searchLeftOut, linkToSegments, onDone }: { segment: Segment | null; initialFilter: string; searchLeftOut: boolean; linkToSegments: boolean; onDone: () => void }) {
  const t = useT();
  const lang = useFilterLang();
  const create = useCreateSegment();
  const update = useUpdateSegment();
  const [name, setName] = useState(segment?.name ?? '');
  const [description, setDescription] = useState(segment?.description ?? '');
  const [kind, setKind] = useState<'dynamic' | 'snapshot'>(segment?.kind ?? 'dynamic');
  const [holdout, setHoldout] = useState<number | string>(0);
  const [filter, setFilter] = useState(segment?.filter ?? initialFilter);
  const [nameError, setNameError] = useState<string | null>(null);
  const [saved, setSaved] = useState<Segment | null>(null);
  const filterEditable = !segment || segment.kind === 'dynamic';
  const { mistake } = useMemo(() => parseFilterText(filter, lang), [filter, lang]);
  const [debounced] = useDebouncedValue(filter.trim(), 400);
  const check = useFilterCheck(debounced, filterEditable && mistake === null);
  const mutation = segment ? update : create;
  const serverMistake = (check.isError && !check.isPlaceholderData ? serverFilterMistake(check.error, lang) : null) ?? serverFilterMistake(mutation.error, lang);
  const shownMistake = mistake ?? (debounced === filter.trim() ? serverMistake : null);

  if (saved) {
    return (
      <Stack gap="md">
        <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title={t('segments.form.savedTitle', { name: saved.name })}>
          {t('segments.form.savedText', { count: saved.customers })}
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.close')}
          </Button>
          <Button component={Link} to="/segments">
            {t('segments.form.toSegments')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNameError(null);
    if (name.trim() === '') {
      setNameError(t('segments.form.nameRequired'));
      return;
    }
    if (mistake || filter.trim() === '') return;
    const onError = (error: unknown) => {
      if (isApiError(error) && error.code === 'segments.name_taken') setNameError(t('segments.form.nameTaken'));
    };
    if (segment) {
      update.mutate(
        { segmentId: segment.id, patch: { name: name.trim(), description: description.trim() || null, ...(filterEditable && { filter: filter.trim() }) } },
        { onSuccess: onDone, onError },
      );
      return;
    }
    const share = typeof holdout === 'number' ? holdout / 100 : 0;
    create.mutate(
      { name: name.trim(), description: description.trim() || null, filter: filter.trim(), kind, ...(kind === 'snapshot' && share > 0 && { holdoutShare: share }) },
      { onSuccess: (created) => (linkToSegments ? setSaved(created) : onDone()), onError },
    );
  };
  const otherError = mutation.isError && !serverFilterMistake(mutation.error, lang) && !(isApiError(mutation.error) && mutation.error.code === 'segments.name_taken');

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        <TextInput label={t('segments.form.name')} required data-autofocus value={name} maxLength={120} onChange={(event) => setName(event.currentTarget.value)} error={nameError} />
        <Textarea label={t('segments.form.description')} autosize minRows={1} maxRows={4} maxLength={1000} value={description} onChange={(event) => setDescription(event.currentTarget.value)} />
        {segment ? (
          <Text size="sm" c="dimmed">
            {t(`segments.form.kindFixed.${segment.kind}`)}
          </Text>
        ) : (
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('segments.form.kind')}
            </Text>
            <SegmentedControl
              value={kind}
              onChange={(value) => setKind(value as 'dynamic' | 'snapshot')}
              data={[
                { value: 'dynamic', label: t('segments.kind.dynamic') },
                { value: 'snapshot', label: t('segments.kind.snapshot') },
              ]}
            />
            <Text size="xs" c="dimmed">
              {t(`segments.form.kindHint.${kind}`)}
            </Text>
            {kind === 'snapshot' && (
              <NumberInput
                label={t('segments.form.holdout')}
                description={t('segments.form.holdoutHint')}
                min={0}
                max={50}
                step={5}
                suffix=" %"
                value={holdout}
                onChange={setHoldout}
                maw={260}
              />
            )}
          </Stack>
        )}
        <Stack gap={6}>
          <Textarea
            label={t('segments.form.filter')}
            description={filterEditable ? t('segments.form.filterHint') : t('segments.form.filterFrozen')}
            placeholder={t('filterText.placeholder')}
            required
            autosize
            minRows={2}
            maxRows={8}
            readOnly={!filterEditable}
            spellCheck={false}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            value={filter}
            error={shownMistake !== null}
            onChange={(event) => setFilter(event.currentTarget.value)}
          />
          {shownMistake ? (
            <FilterMistakeView text={filter} mistake={shownMistake} />
          ) : (
            filterEditable && (
              <Text size="xs" c="dimmed" aria-live="polite">
                {filter.trim() === '' ? t('segments.form.filterEmpty') : check.data && !check.isPlaceholderData && debounced === filter.trim() ? t('filterText.matches', { count: check.data.count }) : t('filterText.checking')}
              </Text>
            )
          )}
          {searchLeftOut && (
            <Text size="xs" c="orange.8">
              {t('segments.form.searchLeftOut')}
            </Text>
          )}
        </Stack>
        {otherError && <ErrorAlert error={mutation.error} />}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending} disabled={mistake !== null || filter.trim() === ''}>
            {t(segment ? 'common.save' : 'segments.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
