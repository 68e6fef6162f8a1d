import { ActionIcon, Alert, Button, CopyButton, Group, Modal, SegmentedControl, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconLink } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { surveysApi } from '../../api/surveysApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

type SurveyKind = 'choose' | 'exit';

interface SurveyLinkModalProps {
  opened: boolean;
  customerId: string;
  onClose: () => void;
}

/** A single-use survey link to share by hand: why they chose us, or why they left. Shown once. */
export function SurveyLinkModal({ opened, customerId, onClose }: SurveyLinkModalProps) {
  const t = useT();
  return (
    <Modal opened={opened} onClose={onClose} title={t('sendEmail.survey.title')} centered size="md">
      {opened && <SurveyLinkForm customerId={customerId} onClose={onClose} />}
    </Modal>
  );
}

function SurveyLinkForm({ customerId, onClose }: Omit<SurveyLinkModalProps, 'opened'>) {
  const t = useT();
  const format = useFormat();
  const [kind, setKind] = useState<SurveyKind>('choose');
  const create = useMutation({ mutationFn: () => surveysApi.create(customerId, { kind }) });
  const link = create.data;

  return (
    <Stack gap="md">
      <Text size="sm">{t('sendEmail.survey.text')}</Text>
      <SegmentedControl
        aria-label={t('sendEmail.survey.kind')}
        value={kind}
        disabled={link !== undefined}
        onChange={(next) => setKind(next as SurveyKind)}
        data={[
          { value: 'choose', label: t('sendEmail.survey.kinds.choose') },
          { value: 'exit', label: t('sendEmail.survey.kinds.exit') },
        ]}
      />
      {create.isError && <ErrorAlert error={create.error} />}
      {link ? (
        <>
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput label={t('sendEmail.survey.link')} value={link.link} readOnly style={{ flex: 1 }} onFocus={(event) => event.currentTarget.select()} />
            <CopyButton value={link.link}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? t('sendEmail.survey.copied') : t('sendEmail.survey.copy')} withArrow>
                  <ActionIcon size={36} variant={copied ? 'filled' : 'default'} color={copied ? 'teal' : undefined} onClick={copy} aria-label={t('sendEmail.survey.copy')}>
                    {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
          <Alert color="yellow" variant="light" role="status">
            {t('sendEmail.survey.once', { when: format.dateTime(link.expiresAt) })}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('common.close')}</Button>
          </Group>
        </>
      ) : (
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button leftSection={<IconLink size={16} aria-hidden />} loading={create.isPending} onClick={() => create.mutate()}>
            {t('sendEmail.survey.create')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
