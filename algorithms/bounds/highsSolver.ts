import highsModule, { type Highs } from 'highs';

// The package's types describe a CommonJS module (default export under `.default`), while Node
// loads its ES build, whose default export is the loader itself: accept both shapes.
type Loader = typeof highsModule.default;
const loaded = highsModule as unknown as Loader | { default: Loader };
const loadHighs: Loader = typeof loaded === 'function' ? loaded : loaded.default;

let loading: Promise<Highs> | undefined;

/**
 * The HiGHS solver (WebAssembly, npm `highs`), loaded once per thread. Loading is asynchronous;
 * every solve after it is synchronous.
 */
export function highsSolver(): Promise<Highs> {
  if (!loading) loading = loadHighs();
  return loading;
}
