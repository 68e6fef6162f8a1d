import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useT } from '../../i18n/i18nContext.ts';

/** Narrows the list as you type: any part of a name, email, phone, organisation or note. */
export function ListSearchInput({ value, onChange }: { value: string; onChange: (q: string) => void }) {
  const t = useT();
  const [text, setText] = useState(value);
  // Follows the address when it changes from elsewhere (header search, a saved view, back button).
  const [shownFor, setShownFor] = useState(value);
  if (shownFor !== value) {
    setShownFor(value);
    setText(value);
  }
  const commit = useDebouncedCallback((next: string) => onChange(next), 300);
  return (
    <TextInput
      type="search"
      aria-label={t('customers.listSearch.label')}
      placeholder={t('customers.listSearch.placeholder')}
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={text ? <CloseButton size="sm" aria-label={t('common.clear')} onClick={() => { setText(''); onChange(''); }} /> : null}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        commit(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onChange(text);
      }}
      w={{ base: '100%', sm: 240 }}
    />
  );
}
