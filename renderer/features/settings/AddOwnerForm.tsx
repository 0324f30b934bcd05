import { Button, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UserInput } from '../../../shared/domain/users';
import { errorReason } from '../../api/api-error';
import { useChannelMutation } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';

/** The contract's own e-mail rule, so the form never accepts what main would reject. */
const isValidEmail = (email: string) => UserInput.shape.email.safeParse(email).success;

export function AddOwnerForm() {
  const { t } = useTranslation();
  const create = useChannelMutation('users:create', ['users:list']);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const nameMissing = name.trim() === '';
  const emailInvalid = email.trim() !== '' && !isValidEmail(email);
  // Main refuses a second owner of one name (they'd be one in every picker and workbook).
  const nameTaken = errorReason(create.error) === 'taken';

  function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (nameMissing || emailInvalid) return;
    create.mutate(
      { displayName: name.trim(), email: email.trim() === '' ? null : email.trim() },
      {
        onSuccess: (user) => {
          setName('');
          setEmail('');
          setSubmitted(false);
          notifications.show({ message: t('fieldsAdmin.owners.added', { name: user.displayName }), color: 'teal' });
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={5}>{t('fieldsAdmin.owners.newTitle')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('fieldsAdmin.owners.name')}
            name="owner-name"
            placeholder={t('fieldsAdmin.owners.namePlaceholder')}
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              if (nameTaken) create.reset();
            }}
            maxLength={200}
            withAsterisk
            autoComplete="off"
            error={
              submitted && nameMissing
                ? t('fieldsAdmin.owners.required')
                : nameTaken
                  ? t('fieldsAdmin.owners.nameTaken')
                  : undefined
            }
          />
          <TextInput
            label={t('fieldsAdmin.owners.email')}
            name="owner-email"
            // Not type="email": Chromium hands a Cyrillic domain over in punycode.
            type="text"
            inputMode="email"
            placeholder="name@example.ru"
            description={t('fieldsAdmin.owners.emailHint')}
            // Below the input, so both inputs of the row line up.
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            autoComplete="off"
            error={submitted && emailInvalid ? t('fieldsAdmin.owners.invalidEmail') : undefined}
          />
        </SimpleGrid>
        <ErrorAlert error={nameTaken ? null : create.error} />
        <Button
          type="submit"
          variant="light"
          leftSection={<IconUserPlus size={16} />}
          loading={create.isPending}
          w="fit-content"
        >
          {t('fieldsAdmin.owners.add')}
        </Button>
      </Stack>
    </form>
  );
}
