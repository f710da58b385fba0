import { createSharedStores } from '../composition/sharedStores';
import { createStateStorage } from './index';
import { ExpiringMemoryStorage } from './expiringMemory';
import { ConflictCheckedStorage } from './stateStorage';
import { isValidContainerName, parseConnectionString, resolveStorageSettings, StorageSettingsError } from './settings';

const AZURITE = 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;';

function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof StorageSettingsError) return err.problems;
    throw err;
  }
  throw new Error('expected a StorageSettingsError');
}

describe('storage settings', () => {
  it('memory needs nothing else: bounded by default (60 minutes idle, 10,000 conversations)', () => {
    expect(resolveStorageSettings({ kind: 'memory' })).toEqual({ kind: 'memory', ttlMs: 60 * 60_000, maxConversations: 10_000, clock: undefined });
    const storage = createStateStorage({ kind: 'memory' });
    expect(storage).toBeInstanceOf(ConflictCheckedStorage);
    const inner = (storage as ConflictCheckedStorage).inner;
    expect(inner).toBeInstanceOf(ExpiringMemoryStorage);
    (inner as ExpiringMemoryStorage).close();
  });

  it('blob fills in the default containers and finds the endpoint', () => {
    expect(resolveStorageSettings({ kind: 'blob', connectionString: AZURITE })).toEqual({
      kind: 'blob',
      connectionString: AZURITE,
      containers: { state: 'bot-state', outbox: 'bot-outbox', records: 'bot-records' },
      requestTimeoutMs: undefined,
      endpoint: 'http://127.0.0.1:10000/devstoreaccount1',
    });
    expect(parseConnectionString('DefaultEndpointsProtocol=https;AccountName=cbpbot;AccountKey=x;EndpointSuffix=core.windows.net').blobEndpoint).toBe(
      'https://cbpbot.blob.core.windows.net',
    );
    expect(parseConnectionString('UseDevelopmentStorage=true').blobEndpoint).toBe('http://127.0.0.1:10000/devstoreaccount1');
    expect(parseConnectionString('BlobEndpoint=https://x.blob.core.windows.net;SharedAccessSignature=sv=1&sig=2').blobEndpoint).toBe('https://x.blob.core.windows.net');
  });

  it('names the variable and what is wrong, one line each, never the key', () => {
    expect(problems(() => resolveStorageSettings({ kind: 'blob' }))).toEqual(['AZURE_STORAGE_CONNECTION_STRING is required when STATE_STORAGE=blob']);
    expect(problems(() => resolveStorageSettings({ kind: 'disk' as 'memory' }))).toEqual(['STATE_STORAGE must be one of memory, blob (got "disk")']);
    const lines = problems(() =>
      resolveStorageSettings({ kind: 'blob', connectionString: 'AccountName=x;AccountKey=SECRETKEY;BlobEndpoint=ftp://x', container: 'Bot_State', outboxContainer: 'a--b' }),
    );
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('AZURE_STORAGE_CONNECTION_STRING has a BlobEndpoint that is not an http(s) URL');
    expect(lines[1]).toMatch(/^STATE_CONTAINER must be 3 to 63 lowercase letters.*\(got "Bot_State"\)$/);
    expect(lines[2]).toMatch(/^OUTBOX_CONTAINER /);
    expect(lines.join('\n')).not.toContain('SECRETKEY');
    expect(problems(() => resolveStorageSettings({ kind: 'blob', connectionString: 'AccountName=x' }))[0]).toMatch(/needs AccountKey/);
    expect(problems(() => resolveStorageSettings({ kind: 'blob', connectionString: 'hello' }))[0]).toMatch(/is not a connection string/);
    expect(() => createStateStorage({ kind: 'blob' })).toThrow(/Invalid storage configuration:\n {2}AZURE_STORAGE_CONNECTION_STRING is required/);
  });

  it('checks container names as Azure does', () => {
    for (const ok of ['bot-state', 'abc', 'a1-b2-c3', 'x'.repeat(63)]) expect(isValidContainerName(ok)).toBe(true);
    for (const bad of ['ab', 'x'.repeat(64), '-abc', 'abc-', 'a--b', 'ABC', 'a_b', '']) expect(isValidContainerName(bad)).toBe(false);
  });

  it('createSharedStores: memory leaves outbox and records to the file defaults; blob builds all three', () => {
    const memory = createSharedStores({ kind: 'memory' });
    expect(memory.outboxStore).toBeUndefined();
    expect(memory.records).toBeUndefined();
    const blob = createSharedStores({ kind: 'blob', connectionString: AZURITE, container: 'state', outboxContainer: 'outbox', recordsContainer: 'records' });
    expect(blob.outboxStore).toBeDefined();
    expect(blob.records).toBeDefined();
    expect(blob.description).toBe('Azure Blob Storage at http://127.0.0.1:10000/devstoreaccount1 (containers state, outbox, records)');
    expect(JSON.stringify(blob.state)).not.toContain('AccountKey');
  });
});
