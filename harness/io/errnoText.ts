/** `EROFS: read-only file system` from a Node error (the code and what it means, without the call and path). */
export function errnoText(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const meaning = /^[A-Z]+: ([^,]+)/.exec(message ?? '')?.[1];
  return code ? `${code}${meaning ? `: ${meaning}` : ''}` : String(message ?? error);
}
