import { Box, Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The centred card shared by the start and unlock screens. */
export function StartLayout({ children, width = 880 }: { children: ReactNode; width?: number }) {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="lg" bg="var(--mantine-color-body)">
      <Box w="100%" maw={width}>
        <Stack gap="lg">
          <Stack gap={4}>
            <Title order={1} c="indigo">
              {t('app.title')}
            </Title>
            <Text c="dimmed">{t('app.tagline')}</Text>
          </Stack>
          <Paper withBorder shadow="sm" radius="lg" p="xl">
            {children}
          </Paper>
        </Stack>
      </Box>
    </Center>
  );
}
