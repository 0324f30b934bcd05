import { z } from 'zod';

/** zod's default address pattern, with internationalised (punycode, "xn--") top-level domains too. */
const emailSchema = z.email({
  pattern:
    /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+(?:[A-Za-z]{2,}|xn--[A-Za-z0-9-]+)$/,
});

/**
 * The address as the ASCII form the check understands: a Cyrillic domain (почта.рф) in its
 * punycode form, letters of other scripts in the local part as a Latin stand-in. null when the
 * domain can't be a host name.
 */
function asciiForm(value: string): string | null {
  const at = value.lastIndexOf('@');
  if (at <= 0) return null;
  const domain = value.slice(at + 1);
  let asciiDomain = domain;
  // The URL parser would drop a path, port, query or fragment and keep the host: no such parts.
  if (/[/?#:@\\%\s]/.test(domain)) return null;
  if (/[^\p{ASCII}]/u.test(domain)) {
    try {
      // The URL parser applies IDNA, in the browser and in Node alike.
      asciiDomain = new URL(`http://${domain}`).hostname;
    } catch {
      return null;
    }
  }
  return `${value.slice(0, at).replace(/\p{L}/gu, (letter) => (letter < '\x80' ? letter : 'x'))}@${asciiDomain}`;
}

/** Invisible characters a copy from a web page or a messenger brings along (zero-width space, soft hyphen). */
const INVISIBLE = /\p{Cf}/gu;

/**
 * Lower-cased and trimmed, without invisible characters, full-width letters as plain ones; null
 * when it isn't an address. Domains in Cyrillic (.рф) are addresses.
 */
export function normaliseEmail(input: string): string | null {
  const value = input.normalize('NFKC').replace(INVISIBLE, '').trim().toLowerCase();
  const ascii = asciiForm(value);
  return ascii !== null && emailSchema.safeParse(ascii).success ? value : null;
}

/**
 * Local parts of an organisation's shared mailboxes (info@, office@, zakaz@...): the people and
 * companies an address like this reaches are many, where a personal address is one person's.
 */
const ROLE_MAILBOXES = new Set([
  'info',
  'office',
  'mail',
  'post',
  'admin',
  'sales',
  'sale',
  'support',
  'contact',
  'contacts',
  'hello',
  'team',
  'secretary',
  'reception',
  'priem',
  'priemnaya',
  'zakaz',
  'order',
  'orders',
  'buh',
  'buhgalter',
  'buhgalteria',
  'accounting',
  'finance',
  'hr',
  'kadry',
  'service',
  'marketing',
  'pr',
  'press',
  'help',
  'general',
  'enquiries',
  'inquiries',
  'manager',
  'director',
  'noreply',
  'no-reply',
  'company',
  'firm',
  'shop',
  'store',
  'opt',
  'client',
  'clients',
  'partner',
  'partners',
  'tender',
  'snab',
  'supply',
]);

/** Whether a (normalised) address is a shared mailbox of an organisation rather than one person's. */
export function isRoleMailbox(email: string): boolean {
  const local = email.slice(0, email.lastIndexOf('@')).split('+')[0] ?? '';
  return ROLE_MAILBOXES.has(local.replace(/[._]?\d+$/, ''));
}
