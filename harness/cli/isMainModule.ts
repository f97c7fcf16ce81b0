import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * True when the module of `moduleUrl` (its `import.meta.url`) is the script node was started with,
 * for files that are both a CLI and a library. Compares real paths: node loads a script reached
 * through a symbolic link under its real path, so a plain URL comparison would silently skip main.
 */
export function isMainModule(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}
