import { MantineProvider, createTheme } from '@mantine/core';
import { useColorScheme } from '@mantine/hooks';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../api/queries';
import { LIST_STATE_KEY } from '../features/records/useListState';

const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily: 'Inter, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
});

/** Applies the language and theme from settings; "auto" follows the system. */
function SettingsAwareMantine({ children }: { children: ReactNode }) {
  const settings = useSettings();
  const systemScheme = useColorScheme('light');
  const { i18n } = useTranslation();
  const language = settings.data?.language;

  useEffect(() => {
    if (language && i18n.language !== language) void i18n.changeLanguage(language);
    if (language) document.documentElement.lang = language;
  }, [language, i18n]);

  const preference = settings.data?.theme ?? 'auto';
  const scheme = preference === 'auto' ? systemScheme : preference;
  return (
    <MantineProvider theme={theme} forceColorScheme={scheme}>
      <Notifications position="bottom-right" />
      <ModalsProvider>{children}</ModalsProvider>
    </MantineProvider>
  );
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => {
    const client = new QueryClient({
      defaultOptions: {
        // Main is local and pushes data-changed events; refetching on focus adds nothing.
        queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
        mutations: { retry: false },
      },
    });
    // Lists' remembered states are no answers to refetch or to drop after a while.
    client.setQueryDefaults([LIST_STATE_KEY], { gcTime: Infinity, staleTime: Infinity });
    return client;
  });
  return (
    <QueryClientProvider client={queryClient}>
      <SettingsAwareMantine>{children}</SettingsAwareMantine>
    </QueryClientProvider>
  );
}
