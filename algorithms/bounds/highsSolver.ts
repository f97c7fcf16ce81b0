import highsModule, { type Highs } from 'highs';

// The package's types describe a CommonJS module (default export under `.default`), while Node
// loads its ES build, whose default export is the loader itself: accept both shapes.
type Loader = typeof highsModule.default;
const exported = highsModule as unknown as Loader | { default: Loader };
const loadHighs: Loader = typeof exported === 'function' ? exported : exported.default;

let loading: Promise<Highs> | undefined;
let loaded: Highs | undefined;

/**
 * The HiGHS solver (WebAssembly, npm `highs`), loaded once per thread. Loading is asynchronous;
 * every solve after it is synchronous.
 */
export function highsSolver(): Promise<Highs> {
  if (!loading) loading = loadHighs().then((highs) => (loaded = highs));
  return loading;
}

/** The solver once `highsSolver()` has resolved in this thread (for synchronous callers). */
export function loadedHighsSolver(): Highs {
  if (!loaded) throw new Error('the HiGHS solver is not loaded yet in this thread: await highsSolver() first');
  return loaded;
}
