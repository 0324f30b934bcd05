import { Badge, Group, Kbd, Text, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { createSpotlight, Spotlight } from '@mantine/spotlight';
import { IconBuilding, IconSearch, IconUser } from '@tabler/icons-react';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { useChannelQuery } from '../../api/queries';
import classes from './GlobalSearch.module.css';
import { shownPhone } from '../../components/format';

/** "mod" is Cmd on a Mac, Ctrl elsewhere. */
const SHORTCUT_LABEL = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘K' : 'Ctrl+K';

/** The one search box's own store: its selection is reset when new hits arrive. */
const [searchStore, searchBox] = createSpotlight();

/** The one search box (Ctrl/Cmd+K): people and companies by name, phone, e-mail, city or tag. */

export function GlobalSearch() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 120);
  const results = useChannelQuery('search:query', { query: debounced, limit: 15 }, debounced.trim() !== '');
  const hits = debounced.trim() === '' ? [] : (results.data?.hits ?? []);
  const hitKeys = hits.map((hit) => `${hit.type}:${hit.id}`).join(',');

  const open = (hit: { type: 'person' | 'company'; id: number }) =>
    navigate(hit.type === 'person' ? `/people/${hit.id}` : `/companies/${hit.id}`);

  // New hits replace the list the selection pointed into: ↓ starts again at the first.
  useEffect(() => {
    searchStore.updateState((state) => ({ ...state, selected: -1 }));
  }, [hitKeys]);

  // Enter right after typing, before any ↓: the first hit, as in every search box.
  function openFirstOnEnter(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    const first = hits[0];
    if (searchStore.getState().selected < 0 && first !== undefined) {
      searchBox.close();
      open(first);
    }
  }

  return (
    <>
      <UnstyledButton className={classes.trigger} onClick={() => searchBox.open()} aria-label={t('search.open')}>
        <Group gap="xs" wrap="nowrap">
          <IconSearch size={16} />
          <Text size="sm" c="dimmed" truncate="end">
            {t('search.placeholder')}
          </Text>
          <Kbd size="xs" ml="auto" style={{ whiteSpace: 'nowrap' }}>
            {SHORTCUT_LABEL}
          </Kbd>
        </Group>
      </UnstyledButton>
      {/* Ctrl/Cmd+K from anywhere, typing in a field included: it is no character anyone types. */}
      <Spotlight.Root
        store={searchStore}
        query={query}
        onQueryChange={setQuery}
        shortcut={['mod + K']}
        tagsToIgnore={[]}
        scrollable
        maxHeight={480}
      >
        <Spotlight.Search
          placeholder={t('search.placeholder')}
          leftSection={<IconSearch size={18} />}
          aria-label={t('search.placeholder')}
          // The search takes at most 200 characters: more showed a blank panel.
          maxLength={200}
          onKeyDown={openFirstOnEnter}
        />
        <Spotlight.ActionsList>
          {hits.map((hit) => (
            <Spotlight.Action key={`${hit.type}:${hit.id}`} onClick={() => open(hit)} data-testid="search-hit">
              <Group wrap="nowrap" w="100%">
                {hit.type === 'person' ? <IconUser size={18} /> : <IconBuilding size={18} />}
                <div style={{ flex: 1, minWidth: 0 }}>
                  <Text size="sm" fw={500} truncate="end">
                    {hit.displayName}
                  </Text>
                  {hit.detail && (
                    <Text size="xs" c="dimmed" truncate="end">
                      {shownPhone(hit.detail, t)}
                    </Text>
                  )}
                </div>
                <Badge size="xs" variant="light" color={hit.type === 'person' ? 'indigo' : 'teal'}>
                  {t(`search.types.${hit.type}`)}
                </Badge>
              </Group>
            </Spotlight.Action>
          ))}
          {debounced.trim() !== '' && results.isSuccess && hits.length === 0 && (
            <Spotlight.Empty>{t('search.nothing', { query: debounced })}</Spotlight.Empty>
          )}
          {debounced.trim() === '' && <Spotlight.Empty>{t('search.hint')}</Spotlight.Empty>}
        </Spotlight.ActionsList>
      </Spotlight.Root>
    </>
  );
}
