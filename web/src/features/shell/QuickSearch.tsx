import { TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';

/** Finds customers by name; for now it opens the customer list with the query. */
export function QuickSearch({ onSearch }: { onSearch?: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const urlQuery = searchParams.get('q') ?? '';
  const [query, setQuery] = useState(urlQuery);
  // Follows the address: the box shows the search of the page on screen, and empties elsewhere.
  const [shownFor, setShownFor] = useState(urlQuery);
  if (shownFor !== urlQuery) {
    setShownFor(urlQuery);
    setQuery(urlQuery);
  }

  return (
    <form
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        const q = query.trim();
        void navigate(q ? `/customers?q=${encodeURIComponent(q)}` : '/customers');
        onSearch?.();
      }}
    >
      <TextInput
        type="search"
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        w={{ base: '100%', sm: 260, lg: 320 }}
      />
    </form>
  );
}
