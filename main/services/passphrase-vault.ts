/**
 * Wraps a passphrase with the operating system's keychain so it can be kept in the
 * settings file. Implemented over Electron safeStorage; elsewhere it is unavailable.
 */
export type PassphraseVault = {
  readonly available: boolean;
  wrap(passphrase: string): string;
  unwrap(wrapped: string): string;
};

export const unavailableVault: PassphraseVault = {
  available: false,
  wrap: () => {
    throw new Error('No OS keychain is available to protect the passphrase');
  },
  unwrap: () => {
    throw new Error('No OS keychain is available to protect the passphrase');
  },
};
