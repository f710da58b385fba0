/**
 * Reuses the Bot Connector clients across turns (found by profiling `npm run bench:load`).
 *
 * botbuilder's CloudAdapter builds a new ConnectorClient *and* a new UserTokenClient (each an
 * @azure/core-client ServiceClient with its own request pipeline and credentials object) for
 * every incoming activity — about 5 % of the bot's CPU per turn under load. Both are stateless
 * HTTP clients for one (bot app id, service URL, audience); botbuilder's older
 * BotFrameworkAdapter cached them the same way. Tokens are cached by botbuilder globally either
 * way, so nothing about authentication changes.
 *
 * The caches are small LRUs: in development a client may send any serviceUrl, so the number of
 * entries must stay bounded.
 */
import type { ConfigurationBotFrameworkAuthentication } from 'botbuilder';

type Auth = ConfigurationBotFrameworkAuthentication;
type AuthResult = Awaited<ReturnType<Auth['authenticateRequest']>>;
type Claims = Parameters<Auth['createUserTokenClient']>[0];
type Factory = ReturnType<Auth['createConnectorFactory']>;
type Client = Awaited<ReturnType<Factory['create']>>;
type TokenClient = Awaited<ReturnType<Auth['createUserTokenClient']>>;

/** A map that forgets its least recently used entry beyond `max`. */
class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}

  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
  }

  delete(key: string): void {
    this.map.delete(key);
  }
}

/** Which bot identity the clients are built for: the same claims botbuilder reads (aud, appid). */
function identityKey(claims: Claims): string {
  return JSON.stringify([claims.getClaimValue('aud') ?? null, claims.getClaimValue('appid') ?? null]);
}

/** Caches the promise, and forgets it if it fails so a later turn tries again. */
function cached<V>(cache: Lru<Promise<V>>, key: string, make: () => Promise<V>): Promise<V> {
  const hit = cache.get(key);
  if (hit) return hit;
  const made = make();
  cache.set(key, made);
  made.catch(() => cache.delete(key));
  return made;
}

/**
 * Makes `auth` hand out cached connector and user-token clients. Call once, before the adapter
 * uses it.
 *
 * @example
 * const auth = new ConfigurationBotFrameworkAuthentication(settings, credentialsFactory);
 * reuseConnectorClients(auth);
 * const adapter = new CloudAdapter(auth);
 */
export function reuseConnectorClients(auth: Auth, maxEntries = 100): Auth {
  const connectors = new Lru<Promise<Client>>(maxEntries);
  const tokenClients = new Lru<Promise<TokenClient>>(maxEntries);

  const cachingFactory = (factory: Factory, claims: Claims): Factory => {
    const identity = identityKey(claims);
    return {
      create: (serviceUrl: string, audience?: string) =>
        cached(connectors, `${identity}\u0000${serviceUrl}\u0000${audience ?? ''}`, () => factory.create(serviceUrl, audience)),
    } as Factory;
  };

  const authenticateRequest = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (...args: Parameters<Auth['authenticateRequest']>): Promise<AuthResult> => {
    const result = await authenticateRequest(...args);
    return result.connectorFactory ? { ...result, connectorFactory: cachingFactory(result.connectorFactory, result.claimsIdentity) } : result;
  };
  const createConnectorFactory = auth.createConnectorFactory.bind(auth);
  auth.createConnectorFactory = (claims: Claims) => cachingFactory(createConnectorFactory(claims), claims);
  const createUserTokenClient = auth.createUserTokenClient.bind(auth);
  auth.createUserTokenClient = (claims: Claims) => cached(tokenClients, identityKey(claims), () => createUserTokenClient(claims));
  return auth;
}
