import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Config } from '../config';

export type StoredFile = { size: number; sha256: string };

/**
 * Where uploaded bytes live, addressed by a key such as `<tenant>/<id>`. Local disk today; an object store for
 * multi-host deployments implements the same three calls (docs/decisions/011-attachments-on-local-disk.md).
 */
export type FileStorage = {
  /** Writes the whole body under `key` or nothing: a reader never sees half a file. */
  put(key: string, body: Readable | ReadableStream<Uint8Array>): Promise<StoredFile>;
  /** The bytes under `key` as a web stream, or null when there is no such file. */
  get(key: string): Promise<{ stream: ReadableStream<Uint8Array>; size: number } | null>;
  /** Removes the file; a missing file is not an error. */
  remove(key: string): Promise<void>;
};

// Keys are built by the server from ids, never from user input; the check keeps a bug from escaping the root.
const KEY = /^[A-Za-z0-9_-]{1,80}(\/[A-Za-z0-9_-]{1,80}){0,3}$/;

/**
 * Files under `root` (created on first write). A write goes to a `.part` file beside the target, is flushed,
 * and is renamed into place, so a crash leaves either the old state or the complete file.
 * @example const s = localDiskStorage('./data/attachments'); await s.put(`${tenantId}/${id}`, file.stream());
 */
export function localDiskStorage(root: string): FileStorage {
  const base = resolve(root);
  const pathOf = (key: string) => {
    if (!KEY.test(key)) throw new Error(`Invalid storage key: ${key}`);
    return join(base, ...key.split('/'));
  };
  return {
    async put(key, body) {
      const target = pathOf(key);
      await mkdir(dirname(target), { recursive: true });
      const temp = `${target}.${randomBytes(6).toString('hex')}.part`;
      const hash = createHash('sha256');
      let size = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          size += chunk.length;
          done(null, chunk);
        },
      });
      const source = body instanceof Readable ? body : Readable.fromWeb(body as WebReadableStream<Uint8Array>);
      try {
        await pipeline(source, meter, createWriteStream(temp, { flags: 'wx', flush: true }));
        await rename(temp, target);
      } catch (err) {
        await rm(temp, { force: true });
        throw err;
      }
      return { size, sha256: hash.digest('hex') };
    },
    async get(key) {
      const path = pathOf(key);
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) return null;
      return { stream: Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>, size: info.size };
    },
    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}

/** The storage the configuration names (local disk under ATTACHMENTS_DIR). */
export function storageFor(config: Pick<Config, 'ATTACHMENTS_DIR'>): FileStorage {
  return localDiskStorage(config.ATTACHMENTS_DIR);
}
