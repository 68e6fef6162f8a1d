import { Anchor, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { Link } from 'react-router';
import type { OutboxMessage } from '../../api/emailApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { customerPath } from '../customers/CustomerLink.tsx';
import { OutboxStatusBadge } from './OutboxStatusBadge.tsx';

/** Each message with its delivery state; the SMTP error in full, since it is what explains a failure. */
export function OutboxTable({ messages }: { messages: readonly OutboxMessage[] }) {
  const t = useT();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="xs" aria-label={t('outbox.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('outbox.columns.created')}</Table.Th>
            <Table.Th>{t('outbox.columns.to')}</Table.Th>
            <Table.Th>{t('outbox.columns.subject')}</Table.Th>
            <Table.Th>{t('outbox.columns.purpose')}</Table.Th>
            <Table.Th>{t('outbox.columns.status')}</Table.Th>
            <Table.Th ta="end">{t('outbox.columns.attempts')}</Table.Th>
            <Table.Th>{t('outbox.columns.nextAttempt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {messages.map((message) => (
            <Fragment key={message.id}>
              <Table.Tr style={message.lastError ? { borderBottom: 'none' } : undefined}>
                <Table.Td miw={110}>
                  <Text size="sm">{format.dateTime(message.createdAt)}</Text>
                </Table.Td>
                <Table.Td miw={180} style={{ overflowWrap: 'anywhere' }}>
                  <Anchor component={Link} to={customerPath(message.customerId)} size="sm" aria-label={t('outbox.openCustomer', { to: message.to })}>
                    {message.to}
                  </Anchor>
                </Table.Td>
                <Table.Td miw={170}>
                  <Text size="sm">{message.subject}</Text>
                </Table.Td>
                <Table.Td miw={120}>
                  <Text size="sm">{t(`sendEmail.purposes.${message.purpose}`)}</Text>
                  {message.kind === 'bulk' && (
                    <Text size="xs" c="dimmed">
                      {t('outbox.bulk')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <OutboxStatusBadge status={message.status} />
                  {message.sentAt && (
                    <Text size="xs" c="dimmed" mt={2} style={{ whiteSpace: 'nowrap' }}>
                      {format.dateTime(message.sentAt)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="end">{format.number(message.attempts)}</Table.Td>
                <Table.Td miw={110}>
                  <Text size="sm" c={message.nextAttemptAt ? undefined : 'dimmed'}>
                    {message.nextAttemptAt ? format.dateTime(message.nextAttemptAt) : '—'}
                  </Text>
                </Table.Td>
              </Table.Tr>
              {message.lastError && (
                <Table.Tr>
                  <Table.Td colSpan={7} pt={0}>
                    {/* In full: the mail server's answer is what explains a failure. */}
                    <Text size="xs" c="red.8" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {t('outbox.lastError', { error: message.lastError })}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
