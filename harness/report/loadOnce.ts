/**
 * Loads each key's value once and keeps it, a failure included: a figure that asks again for a
 * file that could not be read gets the same error, and the file is read once per report. An async
 * loader's promise is what is kept, so its value (or rejection) is shared the same way.
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
}
