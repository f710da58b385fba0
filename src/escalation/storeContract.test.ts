import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FileOutboxStore } from './fileStore/FileOutboxStore';
import { describeOutboxStoreContract } from './storeContract';

// The same cases run against the Azure Blob store in test/storage-azurite.test.ts.
describeOutboxStoreContract('FileOutboxStore', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'outbox-contract-'));
  return {
    store: new FileOutboxStore(dir),
    another: () => new FileOutboxStore(dir),
    writeUnreadablePending: async (reference) => {
      await fs.mkdir(path.join(dir, 'pending'), { recursive: true });
      await fs.writeFile(path.join(dir, 'pending', `${reference}.json`), 'garbage');
    },
    cleanup: () => fs.rm(dir, { recursive: true, force: true }),
  };
});
