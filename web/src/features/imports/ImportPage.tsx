import { Stack } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ImportWizard } from './ImportWizard.tsx';
import { RecentImports } from './RecentImports.tsx';

/** /import — bring purchases in from a file; and the imports already made. */
export function ImportPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('imports.title')} description={t('imports.description')} />
      <Stack gap="xl">
        <div>
          <ImportWizard />
        </div>
        <RecentImports />
      </Stack>
    </>
  );
}
