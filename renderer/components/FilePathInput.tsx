import { Button, Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type FilePathInputProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Opens the native picker; absent in the browser host, where the path is typed. */
  onChoose?: (() => void) | undefined;
  description?: string | undefined;
  placeholder?: string | undefined;
  error?: string | undefined;
  name?: string | undefined;
};

/** A file path: typed, or picked with the native dialog where one exists. */
export function FilePathInput({
  label,
  value,
  onChange,
  onChoose,
  description,
  placeholder,
  error,
  name,
}: FilePathInputProps) {
  const { t } = useTranslation();
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <TextInput
        style={{ flex: 1, minWidth: 0 }}
        label={label}
        name={name}
        description={description}
        placeholder={placeholder}
        value={value}
        error={error}
        readOnly={onChoose !== undefined}
        onChange={(event) => onChange(event.currentTarget.value)}
        spellCheck={false}
      />
      {onChoose && (
        <Button variant="default" onClick={onChoose}>
          {t('common.choose')}
        </Button>
      )}
    </Group>
  );
}
