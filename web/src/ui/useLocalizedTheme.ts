import { mergeThemeOverrides, Modal, PasswordInput, createTheme, type MantineThemeOverride } from '@mantine/core';
import { useMemo } from 'react';
import { useT } from '../i18n/i18nContext.ts';
import { theme } from '../theme.ts';

/**
 * The theme plus translated labels for the few controls Mantine labels itself in English
 * (a modal's close button, a password field's show/hide toggle), so no screen misses them.
 */
export function useLocalizedTheme(): MantineThemeOverride {
  const t = useT();
  return useMemo(
    () =>
      mergeThemeOverrides(
        theme,
        createTheme({
          components: {
            Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } }),
            // Not "password": the field's own label stays the only one that says it.
            PasswordInput: PasswordInput.extend({
              defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('common.showCharacters') } },
            }),
          },
        }),
      ),
    [t],
  );
}
