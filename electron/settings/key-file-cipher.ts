/**
 * The headless host's cipher: AES-256-GCM with a random 256-bit key kept in a file only the user
 * can read (mode 0600; a key file others can read is tightened and reported). The key file is
 * created when the cipher is first opened. Copying `secrets.json` without the key
 * file reveals nothing.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, statSync } from 'node:fs';
import { writeFileAtomic } from '../shared/atomic-write.js';
import type { SecretCipher } from './secret-store.js';

/** A cipher whose key lives in `keyFile`. */
export async function keyFileCipher(
  keyFile: string,
  onWarning: (message: string) => void = () => undefined,
): Promise<SecretCipher> {
  let key = readKey(keyFile, onWarning);
  if (key === null) {
    // Created here, once, rather than racing two first encrypt() calls to write it.
    key = randomBytes(32);
    await writeFileAtomic(keyFile, `${key.toString('base64')}\n`, 0o600);
  }
  const secret = key;
  return {
    scheme: 'aes-256-gcm',
    encrypt(value) {
      return Promise.resolve(seal(secret, value));
    },
    decrypt(sealed) {
      return Promise.resolve(open(secret, sealed));
    },
  };
}

function seal(secret: Buffer, value: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secret, iv);
  const data = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((part) => part.toString('base64')).join('.');
}

function open(secret: Buffer, sealed: string): string {
  const [iv, tag, data] = sealed.split('.').map((part) => Buffer.from(part, 'base64'));
  if (iv === undefined || tag === undefined || data === undefined) throw new Error('damaged secret');
  const decipher = createDecipheriv('aes-256-gcm', secret, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
}

function readKey(keyFile: string, onWarning: (message: string) => void): Buffer | null {
  let text: string;
  try {
    text = readFileSync(keyFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if (process.platform !== 'win32' && (statSync(keyFile).mode & 0o077) !== 0) {
    chmodSync(keyFile, 0o600);
    onWarning(`${keyFile} was readable by others; it is now readable only by you`);
  }
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new Error(`${keyFile} is not a Ringdesk key file`);
  return key;
}
