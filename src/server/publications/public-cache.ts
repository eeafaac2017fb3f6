/**
 * In-process cache of the public publication answers (list, detail, files), one per database.
 * Published rows never change; what can change is an older version's 已更正 mark when a correction
 * appears, so JSON answers live at most TTL_MS (another process may have published) and this
 * process clears them on its own publish. Generated files depend only on their immutable version
 * and are kept until evicted (bounded).
 */
import { createHash } from 'node:crypto';

const TTL_MS = 30_000;
const MAX_ENTRIES = 64;

export interface CachedAnswer {
  body: Buffer;
  etag: string;
  at: number;
  /** Download name of a file answer. */
  name?: string;
}

class PublicationCache {
  private readonly jsonAnswers = new Map<string, CachedAnswer>();
  private readonly fileAnswers = new Map<string, CachedAnswer>();

  private put(map: Map<string, CachedAnswer>, key: string, entry: CachedAnswer): CachedAnswer {
    if (map.size >= MAX_ENTRIES) map.delete(map.keys().next().value!);
    map.set(key, entry);
    return entry;
  }

  /** A JSON answer from cache, or computed and cached (keyed by what the request asks). */
  async json(key: string, now: number, compute: () => Promise<unknown>): Promise<CachedAnswer> {
    const hit = this.jsonAnswers.get(key);
    if (hit && now - hit.at < TTL_MS) return hit;
    const body = Buffer.from(JSON.stringify(await compute()));
    return this.put(this.jsonAnswers, key, { body, etag: etagOf(body), at: now });
  }

  /** A generated file of an immutable version, from cache or rendered once. */
  async file(key: string, now: number, render: () => Promise<{ body: Buffer; name: string }>): Promise<CachedAnswer> {
    const hit = this.fileAnswers.get(key);
    if (hit) return hit;
    const { body, name } = await render();
    return this.put(this.fileAnswers, key, { body, name, etag: etagOf(body), at: now });
  }

  /** After a publish: every list and detail answer may have changed. */
  clear(): void {
    this.jsonAnswers.clear();
  }
}

export const etagOf = (body: Buffer) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

const caches = new WeakMap<object, PublicationCache>();

/** The cache of one database (tests run several databases in one process). */
export function publicationCache(database: object): PublicationCache {
  let c = caches.get(database);
  if (!c) caches.set(database, (c = new PublicationCache()));
  return c;
}
