import { ActionIcon, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { addressLabels, MAX_ADDRESSES, type Address } from '../../../shared/domain/contact-points';

const emptyAddress: Address = {
  label: 'work',
  country: null,
  region: null,
  city: null,
  street: null,
  postalCode: null,
};

export function AddressesEditor({
  addresses,
  onChange,
  narrow = false,
}: {
  addresses: Address[];
  onChange: (addresses: Address[]) => void;
  /** Two columns in a narrow card (a detail page) instead of three. */
  narrow?: boolean;
}) {
  const { t } = useTranslation();
  const set = (index: number, patch: Partial<Address>) =>
    onChange(addresses.map((address, i) => (i === index ? { ...address, ...patch } : address)));
  const text = (index: number, field: 'country' | 'region' | 'city' | 'street' | 'postalCode') => ({
    label: t(`records.address.${field}`),
    name: `address-${index}-${field}`,
    value: addresses[index]?.[field] ?? '',
    onChange: (event: React.ChangeEvent<HTMLInputElement>) =>
      set(index, { [field]: event.currentTarget.value || null }),
  });
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t('records.fields.addresses')}
      </Text>
      {addresses.map((address, index) => (
        <Paper key={index} withBorder p="xs" radius="md">
          <Group justify="space-between" mb={4}>
            <Select
              aria-label={t('records.form.label')}
              w={150}
              size="xs"
              data={addressLabels.map((label) => ({ value: label, label: t(`records.addressLabels.${label}`) }))}
              value={address.label}
              allowDeselect={false}
              onChange={(label) => set(index, { label: (label ?? 'work') as Address['label'] })}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t('records.form.remove')}
              onClick={() => onChange(addresses.filter((_, i) => i !== index))}
            >
              <IconX size={16} />
            </ActionIcon>
          </Group>
          <SimpleGrid cols={narrow ? 2 : { base: 1, sm: 3 }} spacing="xs">
            <TextInput {...text(index, 'city')} />
            <TextInput {...text(index, 'street')} style={{ gridColumn: narrow ? undefined : 'span 2' }} />
            <TextInput {...text(index, 'region')} />
            <TextInput {...text(index, 'country')} />
            <TextInput {...text(index, 'postalCode')} />
          </SimpleGrid>
        </Paper>
      ))}
      {addresses.length < MAX_ADDRESSES && (
        <Button
          variant="subtle"
          size="xs"
          w="fit-content"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...addresses, emptyAddress])}
        >
          {t('records.form.addAddress')}
        </Button>
      )}
    </Stack>
  );
}
