import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { localDiskStorage } from './storage';

describe('local disk storage', () => {
  const dir = mkdtempSync(join(tmpdir(), 'guanxi-storage-'));
  const storage = localDiskStorage(dir);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stores, measures, hashes, reads back and removes a file', async () => {
    const bytes = new TextEncoder().encode('会议纪要：下周一签约');
    const stored = await storage.put('tenant-a/file-1', new Blob([bytes]).stream());
    expect(stored).toEqual({ size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    const got = await storage.get('tenant-a/file-1');
    expect(got?.size).toBe(bytes.length);
    expect(new Uint8Array(await new Response(got!.stream).arrayBuffer())).toEqual(bytes);
    await storage.remove('tenant-a/file-1');
    expect(await storage.get('tenant-a/file-1')).toBeNull();
    await storage.remove('tenant-a/file-1');
  });

  it('leaves no half-written file when the upload breaks off', async () => {
    const broken = new Readable({
      read() {
        this.push(Buffer.alloc(1024, 1));
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(storage.put('tenant-b/file-2', broken)).rejects.toThrow('connection reset');
    const left = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
    expect(left).toEqual([]);
  });

  it('refuses keys that could leave its directory', async () => {
    for (const key of ['../escape', 'a/../../b', '/abs', 'a//b', '']) {
      await expect(storage.put(key, Readable.from([Buffer.from('x')]))).rejects.toThrow('Invalid storage key');
    }
  });
});
