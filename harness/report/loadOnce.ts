/**
 * Loads each key's value once and keeps it, a failure included: a figure that asks again for a
 * file that could not be read gets the same error, and the file is read once per report.
 */
export class LoadOnce {
  private readonly entries = new Map<string, { value?: unknown; error?: unknown }>();

  get<T>(key: string, load: () => T): T {
    let entry = this.entries.get(key);
    if (!entry) {
      try {
        entry = { value: load() };
      } catch (error) {
        entry = { error };
      }
      this.entries.set(key, entry);
    }
    if (entry.error !== undefined) throw entry.error;
    return entry.value as T;
  }

  async getAsync<T>(key: string, load: () => Promise<T>): Promise<T> {
    let entry = this.entries.get(key);
    if (!entry) {
      try {
        entry = { value: await load() };
      } catch (error) {
        entry = { error };
      }
      this.entries.set(key, entry);
    }
    if (entry.error !== undefined) throw entry.error;
    return entry.value as T;
  }
}
