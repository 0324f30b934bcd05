import { createDecipheriv, createHmac, pbkdf2Sync } from 'node:crypto';

/**
 * An independent reader for page 1 of a SQLCipher 4 file, written from the published format
 * (PBKDF2-HMAC-SHA512 with 256,000 iterations, AES-256-CBC, per-page HMAC-SHA512), so tests can
 * prove the file opens in standard SQLCipher tools without trusting the library that wrote it.
 */
export type SqlcipherPageOne = {
  hmacValid: boolean;
  /** Bytes 16.. of the decrypted page: the SQLite header from its page-size field on. */
  header: Buffer;
  pageSize: number;
  writeVersion: number;
  readVersion: number;
  reservedBytes: number;
};

const SALT_BYTES = 16;
const IV_BYTES = 16;
const HMAC_BYTES = 64;

export function readSqlcipherV4PageOne(file: Buffer, passphrase: string, pageSize = 4096): SqlcipherPageOne {
  const salt = file.subarray(0, SALT_BYTES);
  const key = pbkdf2Sync(Buffer.from(passphrase, 'utf8'), salt, 256_000, 32, 'sha512');
  const hmacSalt = Buffer.from(salt.map((byte) => byte ^ 0x3a));
  const hmacKey = pbkdf2Sync(key, hmacSalt, 2, 32, 'sha512');

  const reserve = IV_BYTES + HMAC_BYTES;
  const page = file.subarray(0, pageSize);
  const encrypted = page.subarray(SALT_BYTES, pageSize - reserve);
  const iv = page.subarray(pageSize - reserve, pageSize - HMAC_BYTES);
  const storedHmac = page.subarray(pageSize - HMAC_BYTES, pageSize);

  const pageNumber = Buffer.alloc(4);
  pageNumber.writeUInt32LE(1);
  const hmac = createHmac('sha512', hmacKey).update(encrypted).update(iv).update(pageNumber).digest();

  const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  const header = Buffer.concat([decipher.update(encrypted), decipher.final()]);
  return {
    hmacValid: hmac.equals(storedHmac),
    header,
    pageSize: header.readUInt16BE(0),
    writeVersion: header.readUInt8(2),
    readVersion: header.readUInt8(3),
    reservedBytes: header.readUInt8(4),
  };
}
