import type { Company, CompanyInput } from '../../../shared/domain/companies';
import type { CustomFieldValues } from '../../../shared/domain/custom-fields';
import { filledContacts, type ContactsForm } from '../records/contact-form';

/** The company form's state: strings where the inputs hold strings. */
export type CompanyForm = ContactsForm & {
  name: string;
  legalName: string;
  website: string;
  industry: string;
  source: string;
  ownerId: number | null;
  notes: string;
  tags: string[];
  customFields: CustomFieldValues;
};

export function formFromCompany(company: Company | null): CompanyForm {
  return {
    name: company?.name ?? '',
    legalName: company?.legalName ?? '',
    website: company?.website ?? '',
    industry: company?.industry ?? '',
    source: company?.source ?? '',
    ownerId: company?.owner?.id ?? null,
    notes: company?.notes ?? '',
    phones: company
      ? company.phones.map((phone) => ({ value: phone.display, label: phone.label }))
      : [{ value: '', label: 'work' }],
    emails: company
      ? company.emails.map((email) => ({ value: email.value, label: email.label }))
      : [{ value: '', label: 'work' }],
    addresses: company?.addresses ?? [],
    tags: company?.tags ?? [],
    customFields: company?.customFields ?? {},
  };
}

/** The form as the contract's input. */
export function companyInputFromForm(form: CompanyForm): CompanyInput {
  return { ...form, ...filledContacts(form) };
}
