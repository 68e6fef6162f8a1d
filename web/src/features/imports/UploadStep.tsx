import { Button, Group, Input, Paper, Progress, SegmentedControl, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useId, useRef, useState, type DragEvent } from 'react';
import { importsApi, type Upload } from '../../api/importsApi.ts';
import { useI18n } from '../../i18n/i18nContext.ts';
import { useSession } from '../auth/useSession.ts';
import type { ImportKind } from './customerImportModel.ts';
import { ImportErrorAlert } from './ImportErrorAlert.tsx';

interface UploadStepProps {
  /** What the file holds: purchases or customers. */
  kind: ImportKind;
  onKind: (kind: ImportKind) => void;
  onUploaded: (upload: Upload) => void;
}

/** Step 1: what the file holds, then a file dropped or chosen, sent as it is, with progress for big files. */
export function UploadStep({ kind, onKind, onUploaded }: UploadStepProps) {
  const { t, locale } = useI18n();
  const { csrfToken } = useSession();
  const inputId = useId();
  const kindLabel = useId();
  const [dragging, setDragging] = useState(false);
  const [focused, setFocused] = useState(false);
  const [sending, setSending] = useState<{ name: string; share: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const abort = useRef<AbortController | null>(null);
  const percent = new Intl.NumberFormat(locale, { style: 'percent' });

  const send = (file: File | undefined) => {
    if (!file || sending) return;
    setError(null);
    setSending({ name: file.name, share: 0 });
    abort.current = new AbortController();
    importsApi.upload(file, { csrfToken, signal: abort.current.signal, onProgress: (share) => setSending({ name: file.name, share }) }).then(
      (upload) => {
        setSending(null);
        onUploaded(upload);
      },
      (failure: unknown) => {
        setSending(null);
        if (!(failure instanceof DOMException && failure.name === 'AbortError')) setError(failure);
      },
    );
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    send(event.dataTransfer.files[0]);
  };

  return (
    <Stack gap="md">
      <Input.Wrapper label={t('imports.kind.label')} description={t('imports.kind.description')} labelElement="div" labelProps={{ id: kindLabel }}>
        <SegmentedControl
          aria-labelledby={kindLabel}
          value={kind}
          onChange={(value) => onKind(value === 'customers' ? 'customers' : 'transactions')}
          disabled={sending !== null}
          mt={6}
          data={[
            { value: 'transactions', label: t('imports.kind.transactions') },
            { value: 'customers', label: t('imports.kind.customers') },
          ]}
        />
      </Input.Wrapper>
      {error !== null && <ImportErrorAlert error={error} />}
      <Paper
        withBorder
        radius="lg"
        p="xl"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        style={{ borderStyle: 'dashed', borderWidth: 2, borderColor: dragging ? 'var(--mantine-color-indigo-6)' : undefined, background: dragging ? 'var(--mantine-color-indigo-0)' : undefined }}
      >
        <Stack align="center" gap="sm">
          <IconFileUpload size={40} stroke={1.4} color="var(--mantine-color-indigo-6)" aria-hidden />
          <Text fw={600}>{t('imports.upload.drop')}</Text>
          <Text size="sm" c="dimmed" ta="center" maw={520}>
            {t(kind === 'customers' ? 'imports.upload.customersHint' : 'imports.upload.hint')}
          </Text>
          {sending ? (
            <Stack gap={6} w="100%" maw={480}>
              <Text size="sm" ta="center">
                {t('imports.upload.sending', { name: sending.name, percent: percent.format(sending.share) })}
              </Text>
              <Progress value={sending.share * 100} animated aria-label={t('imports.upload.progress')} />
              <Group justify="center">
                <Button variant="subtle" size="xs" onClick={() => abort.current?.abort()}>
                  {t('common.cancel')}
                </Button>
              </Group>
            </Stack>
          ) : (
            <Button component="label" htmlFor={inputId} variant="light" style={focused ? { outline: '2px solid var(--mantine-color-indigo-6)', outlineOffset: 2 } : undefined}>
              {t('imports.upload.choose')}
            </Button>
          )}
          <VisuallyHidden>
            <input
              id={inputId}
              type="file"
              aria-label={t('imports.upload.file')}
              accept=".csv,.tsv,.txt,.gz,.xlsx,text/csv,text/plain,text/tab-separated-values,application/gzip,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onFocus={() => setFocused(true)}
              onBlur={() => setFocused(false)}
              onChange={(event) => {
                send(event.currentTarget.files?.[0]);
                event.currentTarget.value = '';
              }}
            />
          </VisuallyHidden>
        </Stack>
      </Paper>
    </Stack>
  );
}
