import DataLoader from 'dataloader';

/**
 * Per-request DataLoaders, created on first use, so every `__resolveReference`
 * and nested list resolves with one query per type instead of one per row.
 */
export class DataLoaderCache {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<(V | null)[]>): DataLoader<K, V | null> {
    let loader = this.loaders.get(name) as DataLoader<K, V | null> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V | null>(async (keys) => batch(keys));
      this.loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }

  /** Forgets everything loaded, after a change within the same request. */
  clear(): void {
    this.loaders.clear();
  }
}
