/**
 * The headless host's cipher: AES-256-GCM with a random 256-bit key kept in a file only the user
 * can read (mode 0600, created on first use; a key file others can read is tightened and
 * reported). Copying `secrets.json` without the key file reveals nothing.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmod, readFile, stat } from 'node:fs/promises';
import { writeFileAtomic } from './atomic-write.js';
import type { SecretCipher } from './secret-store.js';

export async function keyFileCipher(
  keyFile: string,
  onWarning: (message: string) => void = () => undefined,
): Promise<SecretCipher> {
  let key: Buffer;
  try {
    key = Buffer.from((await readFile(keyFile, 'utf8')).trim(), 'base64');
    if (process.platform !== 'win32') {
      const { mode } = await stat(keyFile);
      if ((mode & 0o077) !== 0) {
        await chmod(keyFile, 0o600);
        onWarning(`${keyFile} was readable by others; it is now readable only by you`);
      }
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    key = randomBytes(32);
    await writeFileAtomic(keyFile, `${key.toString('base64')}\n`, 0o600);
  }
  if (key.length !== 32) throw new Error(`${keyFile} is not a Ringdesk key file`);
  return {
    scheme: 'aes-256-gcm',
    encrypt(value) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
      return [iv, cipher.getAuthTag(), data].map((part) => part.toString('base64')).join('.');
    },
    decrypt(sealed) {
      const [iv, tag, data] = sealed.split('.').map((part) => Buffer.from(part, 'base64'));
      if (iv === undefined || tag === undefined || data === undefined) throw new Error('damaged secret');
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
    },
  };
}
