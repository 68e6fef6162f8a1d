import { DataList, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18nContext.ts';

export interface Fact {
  label: string;
  /** Null or '' when not known yet. */
  value: ReactNode;
  /** What to say when it is not known (default "Not known yet"). */
  unknownText?: string;
}

/** Labelled facts; unknown ones say so instead of staying blank. */
export function FactList({ facts, labelWidth = 140 }: { facts: readonly Fact[]; labelWidth?: number }) {
  const t = useT();
  return (
    <DataList labelWidth={labelWidth} gap="xs">
      {facts.map((fact) => (
        <DataList.Item key={fact.label}>
          <DataList.ItemLabel c="dimmed">{fact.label}</DataList.ItemLabel>
          <DataList.ItemValue>
            {fact.value === null || fact.value === '' || fact.value === undefined ? (
              <Text size="sm" c="gray.6" fs="italic" component="span">
                {fact.unknownText ?? t('profile.notKnown')}
              </Text>
            ) : (
              fact.value
            )}
          </DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}
