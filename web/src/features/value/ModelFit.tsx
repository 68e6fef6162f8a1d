import type { ModelReport } from '@contracts/analytics.ts';
import { Badge, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useI18n, useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';

type Fit = { logLikelihood: number; converged: boolean; iterations: number; customers: number };
/** A parameter's name, value, and the currency it is in, if any. */
type Parameter = [name: string, value: number, currency?: string];

/** The fitted parameters of both models, with how well and on how many customers each was fitted. */
export function ModelFit({ report }: { report: ModelReport }) {
  const t = useT();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      {report.bgnbd && (
        <FitTable
          title={t('value.model.bgnbd')}
          description={t('value.model.bgnbdExplain')}
          parameters={[
            ['r', report.bgnbd.r],
            ['α', report.bgnbd.alpha],
            ['a', report.bgnbd.a],
            ['b', report.bgnbd.b],
          ]}
          fit={report.bgnbd}
        />
      )}
      {report.gammaGamma && (
        <FitTable
          title={t('value.model.gammaGamma')}
          description={t('value.model.gammaGammaExplain', { currency: report.currency })}
          parameters={[
            ['p', report.gammaGamma.p],
            ['q', report.gammaGamma.q],
            // γ is in currency units (pounds, not pence), as `rapport model fit` prints it.
            ['γ', report.gammaGamma.gamma, report.currency],
          ]}
          fit={report.gammaGamma}
        />
      )}
    </SimpleGrid>
  );
}

function FitTable({ title, description, parameters, fit }: { title: string; description: string; parameters: Parameter[]; fit: Fit }) {
  const { t, locale } = useI18n();
  const format = useFormat();
  const id = useId();
  const significant = new Intl.NumberFormat(locale, { maximumSignificantDigits: 4 });
  const twoDecimals = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (
    <Stack gap={6} component="section" aria-labelledby={id}>
      <Title order={3} fz="sm" id={id}>
        {title}
      </Title>
      <Text size="xs" c="dimmed">
        {description}
      </Text>
      <Table verticalSpacing={4} aria-labelledby={id}>
        <Table.Tbody>
          {parameters.map(([name, value, currency]) => (
            <Table.Tr key={name}>
              <Table.Th scope="row" fw={500} w="50%" ff="monospace">
                {name}
              </Table.Th>
              <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{currency ? `${significant.format(value)}\u00a0${currency}` : significant.format(value)}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row" fw={500}>
              {t('value.model.logLikelihood')}
            </Table.Th>
            <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{twoDecimals.format(fit.logLikelihood)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row" fw={500}>
              {t('value.model.converged')}
            </Table.Th>
            <Table.Td>
              <Badge size="sm" variant="light" color={fit.converged ? 'teal' : 'orange'}>
                {t(fit.converged ? 'value.model.convergedYes' : 'value.model.convergedNo')}
              </Badge>
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row" fw={500}>
              {t('value.model.iterations')}
            </Table.Th>
            <Table.Td>{format.number(fit.iterations)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row" fw={500}>
              {t('value.model.fittedOn')}
            </Table.Th>
            <Table.Td>{t('value.model.customersCount', { count: fit.customers })}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
