/**
 * What staff taught (`teach`), kept in the shared Azure Blob container when the bot is scaled
 * out (STATE_STORAGE=blob): one blob, `knowledge/taught.yaml`, in the records container, with
 * the same YAML as the file (src/knowledge/taught.ts). Every instance reads it at start and on
 * `reload`; the file in the image's knowledge folder is then not used.
 *
 * Concurrency: an add reads the blob with its ETag and writes it back with `If-Match` (or
 * `If-None-Match: *` when it does not exist yet). Two instances teaching at once: one write
 * wins, the other gets 412 and starts again from the newer text, so no teaching is lost.
 */
import { addTaught, parseTaught, serializeTaught, type Taught, type TaughtStore } from '../knowledge/taught';
import { containerClient, containerCreator, downloadBlob, isAlreadyExists, isConditionFailed, type ContainerClient } from '../azure/blob';

/** The blob's name in the container. */
export const TAUGHT_BLOB = 'knowledge/taught.yaml';
const MAX_TRIES = 8;

export class BlobTaughtStore implements TaughtStore {
  private readonly ready: () => Promise<void>;

  constructor(private readonly container: ContainerClient) {
    this.ready = containerCreator(container);
  }

  /**
   * @example
   * const store = BlobTaughtStore.fromConnectionString(process.env.AZURE_STORAGE_CONNECTION_STRING!, 'bot-records');
   */
  static fromConnectionString(connectionString: string, container: string, options: { requestTimeoutMs?: number } = {}): BlobTaughtStore {
    return new BlobTaughtStore(containerClient(connectionString, container, options.requestTimeoutMs));
  }

  async read(): Promise<Taught> {
    return (await this.readWithEtag()).taught;
  }

  async add(target: string, question: string): Promise<{ outcome: 'added' | 'already'; movedFrom?: string }> {
    for (let attempt = 1; ; attempt++) {
      const { taught, etag } = await this.readWithEtag();
      const next = addTaught(taught, target, question);
      if (next.outcome === 'already') return { outcome: 'already' };
      const body = serializeTaught(next.taught);
      try {
        await this.container.getBlockBlobClient(TAUGHT_BLOB).upload(body, Buffer.byteLength(body), {
          conditions: etag ? { ifMatch: etag } : { ifNoneMatch: '*' },
          blobHTTPHeaders: { blobContentType: 'text/yaml; charset=utf-8' },
        });
        return { outcome: 'added', ...(next.movedFrom ? { movedFrom: next.movedFrom } : {}) };
      } catch (err) {
        // Another instance wrote in between: start again from its text.
        if ((isConditionFailed(err) || isAlreadyExists(err)) && attempt < MAX_TRIES) continue;
        throw err;
      }
    }
  }

  private async readWithEtag(): Promise<{ taught: Taught; etag?: string }> {
    await this.ready();
    const blob = await downloadBlob(this.container, TAUGHT_BLOB);
    if (!blob) return { taught: {} };
    const { taught, problems } = parseTaught(blob.body.toString('utf8'), TAUGHT_BLOB);
    // Never overwrite text someone broke by hand: the teaching in it would be lost.
    if (problems.length > 0) throw new Error(`${TAUGHT_BLOB} is invalid (${problems.map((p) => `${p.field}: ${p.problem}`).join('; ')})`);
    return { taught, etag: blob.etag };
  }
}
