import { formatDate, formatNumber, shownPhone } from '../../components/format';
import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Address, Email, Phone } from '../../../shared/domain/contact-points';
import type { CustomFieldDefinition, CustomFieldValues } from '../../../shared/domain/custom-fields';
import classes from './ContactDetails.module.css';

export type DetailRow = { label: string; value: ReactNode };

/** A two-column table of labelled values; empty values are left out. */
export function DetailTable({ rows }: { rows: DetailRow[] }) {
  const visible = rows.filter((row) => row.value !== null && row.value !== undefined && row.value !== '');
  if (visible.length === 0) return null;
  return (
    <div className={classes.detailTable}>
      <Table variant="vertical" layout="fixed">
        <Table.Tbody>
          {visible.map((row) => (
            <Table.Tr key={row.label}>
              <Table.Th w={180} fw={500} c="dimmed">
                {row.label}
              </Table.Th>
              <Table.Td style={{ wordBreak: 'break-word' }}>{row.value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

export function contactRows(
  t: (key: string) => string,
  phones: Phone[],
  emails: Email[],
  addresses: Address[],
): DetailRow[] {
  return [
    ...phones.map((phone, index) => ({
      label: `${t(`records.phoneLabels.${phone.label}`)}${index > 0 ? ` ${index + 1}` : ''}`,
      value: (
        <Anchor href={`tel:${phone.value}`} data-testid="phone">
          {shownPhone(phone.display, t)}
        </Anchor>
      ),
    })),
    ...emails.map((email, index) => ({
      label: `${t(`records.emailLabels.${email.label}`)} e-mail${index > 0 ? ` ${index + 1}` : ''}`,
      value: <Anchor href={`mailto:${email.value}`}>{email.value}</Anchor>,
    })),
    ...addresses.map((address, index) => ({
      label: `${t(`records.addressLabels.${address.label}`)}${index > 0 ? ` ${index + 1}` : ''}`,
      value: [address.postalCode, address.country, address.region, address.city, address.street]
        .filter(Boolean)
        .join(', '),
    })),
  ];
}

/** A custom value as people read it: dates and numbers in the UI language's way; null when empty. */
export function customValueText(
  t: (key: string) => string,
  definition: CustomFieldDefinition,
  value: CustomFieldValues[string] | undefined,
  language: string,
): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return t(value ? 'records.filter.yes' : 'records.filter.no');
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'number') return formatNumber(value, language);
  return definition.type === 'date' ? formatDate(value, language) : value;
}

export function NotesBlock({ notes }: { notes: string | null }) {
  const { t } = useTranslation();
  if (!notes) return null;
  return (
    <Stack gap={4}>
      <Group>
        <Text fw={600}>{t('records.fields.notes')}</Text>
      </Group>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{notes}</Text>
    </Stack>
  );
}
