import { Alert, Badge, Button, Card, Group, List, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDownload, IconEraser, IconShieldLock } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { MANUAL_CONSENT_SOURCE, type Consent, type Person } from '../../../shared/domain/people';
import type { PersonalDataExport } from '../../../shared/domain/privacy';
import { useChannelMutation } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DetailTable } from '../records/ContactDetails';

/** The same comparison main makes: outer spaces and how ё or й were composed don't matter. */
function normalisedName(text: string): string {
  return text.trim().normalize('NFC');
}

/**
 * Hands the export to the browser (or Electron's download manager) as a file. The object URL is
 * revoked a moment later, not at once: some engines read the blob only after click() returns.
 */
function saveFile(file: PersonalDataExport): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: `${file.mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** Where a consent came from, in words: the form's own mark ("manual") translated, the rest as written. */
export function consentSource(source: string, t: (key: string) => string): string {
  return source === MANUAL_CONSENT_SOURCE ? t('privacy.consent.manual') : source;
}

function ConsentValue({ consent }: { consent: Consent | null }) {
  const { t, i18n } = useTranslation();
  if (consent === null) {
    return (
      <Text size="sm" c="dimmed">
        {t('privacy.consent.notSet')}
      </Text>
    );
  }
  const details = [
    consent.at && new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(consent.at)),
    consent.source && t('privacy.consent.source', { source: consentSource(consent.source, t) }),
  ].filter(Boolean);
  return (
    <Group gap={6} wrap="wrap">
      <Badge variant="light" color={consent.granted ? 'teal' : 'gray'}>
        {consent.granted ? t('privacy.consent.given') : t('privacy.consent.withdrawn')}
      </Badge>
      {details.length > 0 && <Text size="sm">{details.join(' · ')}</Text>}
    </Group>
  );
}

function ListSection({ title, items }: { title: string; items: ReactNode[] }) {
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {title}
      </Text>
      <List size="sm" spacing={2}>
        {items.map((item, index) => (
          <List.Item key={index}>{item}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** Says what goes and what stays, and erases only once the person's name is typed back. */
function EraseModal({ person, opened, onClose }: { person: Person; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  // No invalidation on success: this page's own query would refetch a person who is gone.
  const erase = useChannelMutation('people:erase');
  const [typed, setTyped] = useState('');
  const expected = normalisedName(person.displayName);
  const matches = normalisedName(typed) === expected;
  // Red only once the text can no longer become the name, not while it is being typed.
  const mismatch = normalisedName(typed) !== '' && !expected.startsWith(normalisedName(typed));

  const close = () => {
    setTyped('');
    erase.reset();
    onClose();
  };
  const submit = async () => {
    if (!matches) return;
    await erase.mutateAsync({ id: person.id, confirmation: typed });
    navigate('/people');
    notifications.show({ color: 'teal', message: t('privacy.erase.done') });
    queryClient.removeQueries({ queryKey: ['people:get', { id: person.id }] });
    await queryClient.invalidateQueries();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('privacy.erase.title')} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit().catch(() => undefined);
        }}
      >
        <Stack gap="md">
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
            {t('privacy.erase.warning')}
          </Alert>
          <ListSection
            title={t('privacy.erase.removedTitle')}
            items={[
              t('privacy.erase.removed.person'),
              t('privacy.erase.removed.contacts'),
              t('privacy.erase.removed.extra'),
              t('privacy.erase.removed.activities'),
              t('privacy.erase.removed.merged'),
            ]}
          />
          <ListSection
            title={t('privacy.erase.keptTitle')}
            items={[t('privacy.erase.kept.tombstone'), t('privacy.erase.kept.statistics')]}
          />
          <Text size="sm" c="dimmed">
            {t('privacy.erase.exportFirst')}
          </Text>
          <TextInput
            name="erase-confirmation"
            label={t('privacy.erase.confirmLabel')}
            description={t('privacy.erase.confirmHint', { name: person.displayName })}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            error={mismatch ? t('privacy.erase.mismatch') : undefined}
            autoComplete="off"
            data-autofocus
          />
          <ErrorAlert error={erase.error} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              {t('privacy.erase.cancel')}
            </Button>
            <Button
              type="submit"
              color="red"
              leftSection={<IconEraser size={16} />}
              disabled={!matches}
              loading={erase.isPending}
            >
              {t('privacy.erase.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Consents at a glance, a copy of everything stored, and erasure (the right to be forgotten). */
export function PrivacyActions({ person }: { person: Person }) {
  const { t, i18n } = useTranslation();
  const exportData = useChannelMutation('people:exportData');
  const [eraseOpened, setEraseOpened] = useState(false);

  return (
    <Card withBorder mt="lg" data-testid="privacy-card">
      <Stack gap="md">
        <Group gap="xs">
          <IconShieldLock size={20} stroke={1.6} />
          <Title order={4}>{t('privacy.title')}</Title>
        </Group>
        <DetailTable
          rows={[
            { label: t('privacy.consent.contact'), value: <ConsentValue consent={person.contactConsent} /> },
            { label: t('privacy.consent.marketing'), value: <ConsentValue consent={person.marketingConsent} /> },
          ]}
        />
        <Text size="sm" c="dimmed">
          {t('privacy.export.hint')}
        </Text>
        <ErrorAlert error={exportData.error} />
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            loading={exportData.isPending}
            onClick={() =>
              void exportData
                .mutateAsync({ id: person.id, language: i18n.language === 'en' ? 'en' : 'ru' })
                .then(saveFile, () => undefined)
            }
          >
            {t('privacy.export.action')}
          </Button>
          <Button
            color="red"
            variant="light"
            leftSection={<IconEraser size={16} />}
            onClick={() => setEraseOpened(true)}
          >
            {t('privacy.erase.action')}
          </Button>
        </Group>
      </Stack>
      <EraseModal person={person} opened={eraseOpened} onClose={() => setEraseOpened(false)} />
    </Card>
  );
}
