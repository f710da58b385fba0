import { startAzurite, type AzuriteServer } from '../../test/helpers/azurite';
import { containerClient } from '../azure/blob';
import { BlobTaughtStore, TAUGHT_BLOB } from './blobTaughtStore';

let azurite: AzuriteServer;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite?.stop();
});

let n = 0;
const freshContainer = () => `taught-${process.pid}-${++n}`;

describe('BlobTaughtStore', () => {
  it('starts empty, keeps what was taught for every instance, says when a wording is already taught', async () => {
    const container = freshContainer();
    const a = BlobTaughtStore.fromConnectionString(azurite.connectionString, container);
    const b = BlobTaughtStore.fromConnectionString(azurite.connectionString, container);
    expect(await a.read()).toEqual({});
    expect(await a.add('gift-duty-free', 'what about my stuff from granny')).toEqual({ outcome: 'added' });
    expect(await b.add('gift-duty-free', 'What about my stuff from granny?')).toEqual({ outcome: 'already' });
    expect(await b.add('none', 'what about my stuff from granny')).toEqual({ outcome: 'added', movedFrom: 'gift-duty-free' });
    expect(await a.read()).toEqual({ none: ['what about my stuff from granny'] });
  });

  it('loses nothing when instances teach at the same time', async () => {
    const container = freshContainer();
    const stores = Array.from({ length: 4 }, () => BlobTaughtStore.fromConnectionString(azurite.connectionString, container));
    await Promise.all(stores.map((s, i) => s.add('none', `question number ${i}`)));
    expect((await stores[0].read()).none?.slice().sort()).toEqual(['question number 0', 'question number 1', 'question number 2', 'question number 3']);
  });

  it('refuses to overwrite a blob someone broke by hand', async () => {
    const container = freshContainer();
    const store = BlobTaughtStore.fromConnectionString(azurite.connectionString, container);
    await store.read(); // creates the container
    await containerClient(azurite.connectionString, container).getBlockBlobClient(TAUGHT_BLOB).upload('none: [unclosed\n', 16);
    await expect(store.add('none', 'x y')).rejects.toThrow(`${TAUGHT_BLOB} is invalid`);
  });
});
