import { safeStorage } from 'electron';
import type { PassphraseVault } from '../services/passphrase-vault';

/**
 * safeStorage wraps secrets with the OS keychain (DPAPI, Keychain, libsecret/kwallet). On Linux
 * without a keyring it falls back to `basic_text`, a hard-coded key: that protects nothing, so
 * remembering is then not offered at all.
 */
export function createSafeStorageVault(platform: NodeJS.Platform): PassphraseVault {
  const available =
    safeStorage.isEncryptionAvailable() &&
    (platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text');
  return {
    available,
    wrap: (passphrase) => safeStorage.encryptString(passphrase).toString('base64'),
    unwrap: (wrapped) => safeStorage.decryptString(Buffer.from(wrapped, 'base64')),
  };
}
