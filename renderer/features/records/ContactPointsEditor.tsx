import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

type Entry = { value: string; label: string };

type ContactPointsEditorProps = {
  kind: 'phone' | 'email';
  entries: Entry[];
  labels: readonly string[];
  onChange: (entries: Entry[]) => void;
  /** Per-entry error messages, by index. */
  errors?: Record<number, string>;
};

/** A growing list of phones or e-mails, each with its label (mobile, work...). */
export function ContactPointsEditor({ kind, entries, labels, onChange, errors = {} }: ContactPointsEditorProps) {
  const { t } = useTranslation();
  const labelKey = kind === 'phone' ? 'records.phoneLabels' : 'records.emailLabels';
  const set = (index: number, patch: Partial<Entry>) =>
    onChange(entries.map((entry, i) => (i === index ? { ...entry, ...patch } : entry)));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t(kind === 'phone' ? 'records.fields.phones' : 'records.fields.emails')}
      </Text>
      {entries.map((entry, index) => (
        <Group key={index} gap="xs" wrap="nowrap" align="flex-start">
          <Select
            aria-label={t('records.form.label')}
            w={150}
            data={labels.map((label) => ({ value: label, label: t(`${labelKey}.${label}`) }))}
            value={entry.label}
            allowDeselect={false}
            onChange={(label) => set(index, { label: label ?? labels[0]! })}
          />
          <TextInput
            style={{ flex: 1 }}
            aria-label={t(kind === 'phone' ? 'records.fields.phone' : 'records.fields.email')}
            name={`${kind}-${index}`}
            // Not type="email": Chromium hands its value over in punycode (info@xn--80a1acny.xn--p1ai).
            type={kind === 'email' ? 'text' : 'tel'}
            inputMode={kind === 'email' ? 'email' : 'tel'}
            autoComplete={kind === 'email' ? 'email' : 'tel'}
            placeholder={kind === 'phone' ? '+7 916 123-45-67' : 'name@example.ru'}
            value={entry.value}
            error={errors[index]}
            onChange={(event) => set(index, { value: event.currentTarget.value })}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            mt={4}
            aria-label={t('records.form.remove')}
            onClick={() => onChange(entries.filter((_, i) => i !== index))}
          >
            <IconX size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="subtle"
        size="xs"
        w="fit-content"
        leftSection={<IconPlus size={14} />}
        onClick={() => onChange([...entries, { value: '', label: labels[0]! }])}
      >
        {t(kind === 'phone' ? 'records.form.addPhone' : 'records.form.addEmail')}
      </Button>
    </Stack>
  );
}
