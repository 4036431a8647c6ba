/**
 * A faster reader of wink-nlp's English core model, for Node. Imported for its effect, before the core
 * loads wink-eng-lite-web-model (src/node/analyzer.ts imports it first).
 *
 * The model package's own reader (`dist/read-core-model.js`, 1.8.x) `require`s the 3 MB JSON of the core
 * model when it is loaded, then on each call copies it whole through `JSON.parse(JSON.stringify(…))`,
 * decodes its two base64 tables a character at a time through `atob`, and builds the look-up tables of
 * its features. The copy and the decoding were most of the time a one-paragraph `whosaid extract` took.
 * `readCoreModelFile` below builds the same object from one `JSON.parse` of the file (a fresh object each
 * call, as the copy was) and decodes the tables with `Buffer.from(…, 'base64')`; it is put in Node's
 * module cache (`require.cache`, a documented way to supply a module) under the reader's file name, so
 * the package's loader calls it in place of its own. wink-core-model.test.ts checks that it builds an
 * object deeply equal to the package's own, with its tables' keys in the same order.
 *
 * Faster still, `npm run build` packs the JSON once (`packCoreModel`, scripts/pack-wink-core.ts) into
 * `dist/wink-core-model.bin`: the two tables (1.4 MB of base64 in the JSON) as raw little-endian words,
 * the 87,593 words of the lexeme list as one text (a NUL between words, which no word holds), the order
 * of the words sorted, and the rest as a small JSON header. `CorePack` reads it once and then gives each
 * load (the first, and each time the core loads wink-nlp afresh after many unknown words) a model of its
 * own: the tables and the word list are copied, and the small look-up tables built as the package builds
 * them. The words' look-up table (word → index), 30–50 ms of CPU to build as a plain object of 87,593
 * keys and most of a one-paragraph start-up, is built as words are looked up (`lazyLookUp`): a plain
 * object, so each later look-up of a word costs what it cost before (a `Proxy` over a shared `Map`, tried
 * earlier, put the proxy on each of the millions of look-ups of a batch, 4% of `extract --jsonl`), whose
 * prototype finds a word not yet in it by binary search in the sorted order and adds it. The pack is read
 * when it was packed from the installed model package (its version and its JSON's size), else the JSON is.
 *
 * With another major or minor version of the model package, or when its reader is already loaded, nothing
 * is replaced and the package's own reader runs.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** The model package versions whose core reader `readCoreModelFile` reproduces. */
const SUPPORTED = /^1\.8\./;

/** The pack's name, in the package's dist/ folder. */
export const CORE_PACK_NAME = 'wink-core-model.bin';

/** The pack's first bytes: its format. */
const MAGIC = 'whosaid-wink-core 3\n';

interface Feature {
  list: string[];
  hash?: Record<string, number>;
}
interface CoreModelJson {
  packing: { layout: Record<string, number[]> };
  features: Record<string, Feature> & { lexeme: Feature; posClusters: { list: (string | Set<number>)[] } };
  pos: { hash: Record<string, number> };
  lexicon: string | Uint32Array;
  xpansions: string | Uint32Array;
}

/** The large parts of a pack, after its header. */
type PartName = 'lexicon' | 'xpansions' | 'lexemes' | 'order' | 'exceptions';
const PARTS: readonly PartName[] = ['lexicon', 'xpansions', 'lexemes', 'order', 'exceptions'];

/**
 * The model package's lemmatizer's exception tables (`dist/wn-<kind>-exceptions.js`, "geese" → "goose"):
 * 5,600 words as JavaScript that Node compiled in 13–18 ms of CPU at each start; from the pack, as JSON,
 * they parse in 3–4 ms. Each is an object without prototype from word to lemma.
 */
export const EXCEPTION_KINDS = ['noun', 'verb', 'adjective'] as const;
export type ExceptionTables = Record<(typeof EXCEPTION_KINDS)[number], Record<string, string>>;

/** What separates the words in a pack's lexeme text: no word of the model holds it (`packCoreModel` checks). */
const SEPARATOR = '\0';

/** What the pack's JSON header holds besides the model's small parts. */
interface PackHeader {
  /** The model package's version and its JSON's size in bytes, when packed. */
  source: { version: string; bytes: number };
  /** Byte offset (from the end of the header) and length of each large part. */
  parts: Record<PartName, [number, number]>;
}

/** A base64 table as the Uint32Array over a buffer of its own that `atob` and a byte loop give. */
function words(base64: string): Uint32Array {
  return ownWords(Buffer.from(base64, 'base64'));
}

/** Bytes as little-endian 32-bit words, in a buffer of their own (wink-nlp keeps the table). */
function ownWords(bytes: Uint8Array): Uint32Array {
  const out = new Uint32Array(bytes.length >>> 2);
  new Uint8Array(out.buffer).set(bytes.subarray(0, out.length << 2));
  return out;
}

function lookUp(list: string[]): Record<string, number> {
  const hash: Record<string, number> = Object.create(null);
  for (let k = 0; k < list.length; k += 1) hash[list[k]] = k;
  return hash;
}

/**
 * The indices of `list`'s words in the order of their text (by UTF-16 code units, as `<` compares
 * strings); a word that occurs twice keeps its last index, as `lookUp` does.
 */
export function sortedOrder(list: readonly string[]): Uint32Array {
  const last = lookUp(list as string[]);
  const order = Uint32Array.from(Object.values(last));
  return order.sort((a, b) => (list[a] < list[b] ? -1 : list[a] > list[b] ? 1 : 0));
}

/** The index of `word` in `list` by binary search over `order` (see `sortedOrder`), or undefined. */
function findSorted(list: readonly string[], order: Uint32Array, word: string): number | undefined {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const at = list[order[mid]];
    if (at === word) return order[mid];
    if (at < word) lo = mid + 1;
    else hi = mid;
  }
  return undefined;
}

/**
 * Look-ups `lazyLookUp`'s table answers by search before it builds the rest at once: a one-paragraph
 * article asks a few hundred, a batch of articles far more (each article's unknown words are asked again,
 * the segmenter forgetting what wink-nlp learned between texts), where searching cost more than building.
 */
export const LAZY_LOOK_UPS = 5000;

/**
 * `lookUp(list)` built as it is read: an empty object, whose prototype answers a word the object does not
 * hold yet by binary search in `list` (through `order`, see `sortedOrder`) and adds it, so the next
 * look-up of that word is a plain property read. After `lookUps` such searches it adds every word of
 * `list` it does not hold and drops the prototype: from then on it is the object `lookUp` builds, with
 * the words learned and forgotten since. What wink-nlp and the core do with the table (read a word, add
 * a learned word, delete one) behaves as on the table `lookUp` builds; `list` itself is never changed
 * (the model's copy is the one wink-nlp appends to).
 */
export function lazyLookUp(list: readonly string[], order: Uint32Array, lookUps = LAZY_LOOK_UPS): Record<string, number> {
  let left = lookUps;
  const own = { value: 0, writable: true, enumerable: true, configurable: true };
  const complete = (table: Record<string, number>) => {
    Object.setPrototypeOf(table, null);
    for (let k = 0; k < order.length; k++) if (!Object.hasOwn(table, list[order[k]])) table[list[order[k]]] = order[k];
  };
  const finder = new Proxy(Object.create(null) as Record<string, number>, {
    get(_, word, table: Record<string, number>) {
      if (typeof word !== 'string') return undefined;
      if (--left < 0) {
        complete(table);
        return table[word];
      }
      const index = findSorted(list, order, word);
      if (index !== undefined) Object.defineProperty(table, word, { ...own, value: index });
      return index;
    },
    set(_, word, value, table: Record<string, number>) {
      return Reflect.defineProperty(table, word, { ...own, value });
    },
    has(_, word) {
      return typeof word === 'string' && findSorted(list, order, word) !== undefined;
    },
  });
  return Object.create(finder) as Record<string, number>;
}

/** Builds what the package's reader adds to the parsed JSON: the look-up tables of its features but the lexemes', and POS clusters. */
function withSmallLookUps(model: CoreModelJson): CoreModelJson {
  const { packing, features, pos } = model;
  for (const f in packing.layout) if (packing.layout[f][3] === 0) features[f].hash = lookUp(features[f].list);
  const clusters = features.posClusters.list;
  for (let k = 0; k < clusters.length; k += 1) clusters[k] = new Set((clusters[k] as string).split('_').map((e) => pos.hash[e] || 0));
  return model;
}

/** The core model read from `file`, as wink-eng-lite-web-model 1.8's `readModel()` returns it. */
export function readCoreModelFile(file: string): unknown {
  const model = JSON.parse(readFileSync(file, 'utf8')) as CoreModelJson;
  model.lexicon = words(model.lexicon as string);
  model.xpansions = words(model.xpansions as string);
  model.features.lexeme.hash = lookUp(model.features.lexeme.list);
  return withSmallLookUps(model);
}

/**
 * The model package's core JSON (`json`, its text) packed for `CorePack`; `version` and the JSON's size
 * are recorded so that a pack of another installation is never read.
 */
export function packCoreModel(json: string, version: string, exceptions: ExceptionTables): Buffer {
  const model = JSON.parse(json) as CoreModelJson;
  const list = model.features.lexeme.list;
  if (list.some((w) => w.includes(SEPARATOR))) throw new Error('pack-wink-core: a lexeme holds the separator (NUL); the pack cannot hold this model');
  const pieces: Record<PartName, Buffer> = {
    lexicon: Buffer.from(model.lexicon as string, 'base64'),
    xpansions: Buffer.from(model.xpansions as string, 'base64'),
    lexemes: Buffer.from(list.join(SEPARATOR), 'utf8'),
    order: Buffer.from(sortedOrder(list).buffer),
    exceptions: Buffer.from(JSON.stringify(exceptions), 'utf8'),
  };
  const small = { ...model, lexicon: null, xpansions: null, features: { ...model.features, lexeme: { ...model.features.lexeme, list: null } } };
  const parts = {} as PackHeader['parts'];
  let at = 0;
  for (const name of PARTS) {
    parts[name] = [at, pieces[name].length];
    at += (pieces[name].length + 3) & ~3;
  }
  const header = Buffer.from(JSON.stringify({ source: { version, bytes: Buffer.byteLength(json) }, parts, model: small }), 'utf8');
  const head = Buffer.alloc((MAGIC.length + 4 + header.length + 3) & ~3);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(header.length, MAGIC.length);
  header.copy(head, MAGIC.length + 4);
  const body = Buffer.alloc(at);
  for (const name of PARTS) pieces[name].copy(body, parts[name][0]);
  return Buffer.concat([head, body]);
}

/** A pack's header as text (for a fresh model each load), its header, and where its parts start; undefined when `bytes` is no pack of this format. */
function readHeader(bytes: Buffer): { text: string; header: PackHeader; base: number } | undefined {
  if (bytes.length < MAGIC.length + 4 || bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) return undefined;
  const length = bytes.readUInt32LE(MAGIC.length);
  const text = bytes.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + length);
  return { text, header: JSON.parse(text) as PackHeader, base: (MAGIC.length + 4 + length + 3) & ~3 };
}

/** A pack read once, which gives each load a model of its own; see the top of this file. Each part is decoded when first needed. */
export class CorePack {
  readonly source: PackHeader['source'];
  readonly #header: string;
  readonly #part: (name: PartName) => Buffer;
  #tables: { lexicon: Uint32Array; xpansions: Uint32Array; lexemes: readonly string[]; order: Uint32Array } | undefined;

  private constructor(bytes: Buffer, text: string, header: PackHeader, base: number) {
    this.source = header.source;
    this.#header = text;
    this.#part = (name) => bytes.subarray(base + header.parts[name][0], base + header.parts[name][0] + header.parts[name][1]);
  }

  /** The pack in `bytes`; undefined when they are no pack of this format. */
  static read(bytes: Buffer): CorePack | undefined {
    const read = readHeader(bytes);
    return read && new CorePack(bytes, read.text, read.header, read.base);
  }

  /** A model of its own, as the package's `readModel()` returns it. */
  model(): unknown {
    const t = (this.#tables ??= {
      lexicon: ownWords(this.#part('lexicon')),
      xpansions: ownWords(this.#part('xpansions')),
      lexemes: this.#part('lexemes').toString('utf8').split(SEPARATOR),
      order: ownWords(this.#part('order')),
    });
    const model = (JSON.parse(this.#header) as { model: CoreModelJson }).model;
    model.lexicon = new Uint32Array(t.lexicon);
    model.xpansions = new Uint32Array(t.xpansions);
    model.features.lexeme.list = t.lexemes.slice();
    model.features.lexeme.hash = lazyLookUp(t.lexemes, t.order);
    return withSmallLookUps(model);
  }

  /** The lemmatizer's exception tables, new objects each call, as the package's modules export them. */
  exceptions(): ExceptionTables {
    const tables = JSON.parse(this.#part('exceptions').toString('utf8')) as ExceptionTables;
    for (const kind of EXCEPTION_KINDS) Object.setPrototypeOf(tables[kind], null);
    return tables;
  }
}

/** The package root: the nearest folder above this file that holds package.json. */
function packageRoot(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return dir;
}

/** Where the model package's reader and its JSON are, and where its pack goes, when its version is one `readCoreModelFile` reproduces. */
export function winkCoreFiles(): { reader: string; json: string; version: string; pack: string | undefined } | undefined {
  try {
    const { version } = require('wink-eng-lite-web-model/package.json') as { version: string };
    if (!SUPPORTED.test(version)) return undefined;
    const reader = require.resolve('wink-eng-lite-web-model/dist/read-core-model.js');
    const root = packageRoot();
    return { reader, json: join(dirname(reader), 'languages', 'cur', 'models', 'eng-core-web-model.json'), version, pack: root && join(root, 'dist', CORE_PACK_NAME) };
  } catch {
    return undefined;
  }
}

/** The pack at `files.pack`, when there is one and it was packed from the installed model package. */
export function matchingPack(files: NonNullable<ReturnType<typeof winkCoreFiles>>): CorePack | undefined {
  try {
    if (!files.pack || !existsSync(files.pack)) return undefined;
    const pack = CorePack.read(readFileSync(files.pack));
    return pack && pack.source.version === files.version && pack.source.bytes === statSync(files.json).size ? pack : undefined;
  } catch {
    return undefined;
  }
}

/** How this process reads wink's core model: from the pack, from the JSON with `readCoreModelFile`, or with the package's own reader. */
export type WinkCoreReader = 'pack' | 'json' | 'package';

/** Puts `exports` in the module cache as the module at `file`. */
function supply(file: string, exports: unknown): void {
  const module = new Module(file);
  module.filename = file;
  module.loaded = true;
  module.exports = exports;
  require.cache[file] = module;
}

/**
 * The package's loaders of its entity and sentiment models (`load-ner-model.js`, `load-sa-model.js`)
 * `require` their JSON (0.6 MB) when the package is loaded; the core gives wink-nlp empty ones instead
 * (src/core/segment/nlp.ts). Each is put in the module cache as the same loader, which requires the
 * same files when it is first called, not before.
 */
function deferUnusedModels(dist: string): void {
  const loaders: [string, string, (machines: unknown, piece: unknown) => unknown][] = [
    ['load-ner-model.js', './ner-transformers.js', (machines, transformers) => ({ machines, transformers })],
    ['load-sa-model.js', './sa-setter.js', (machines, setter) => ({ machines, setter })],
  ];
  const json = { 'load-ner-model.js': 'eng-ner-model.json', 'load-sa-model.js': 'eng-sa-model.json' } as Record<string, string>;
  for (const [loader, piece, build] of loaders) {
    const file = join(dist, loader);
    if (require.cache[file] || !existsSync(file)) continue;
    supply(file, () => build(require(join(dist, 'languages', 'cur', 'models', json[loader])), require(join(dist, piece))));
  }
}

/** The package's exception tables' modules, by kind (see `EXCEPTION_KINDS`). */
export function exceptionFiles(dist: string): Record<keyof ExceptionTables, string> {
  return Object.fromEntries(EXCEPTION_KINDS.map((kind) => [kind, join(dist, `wn-${kind}-exceptions.js`)])) as Record<keyof ExceptionTables, string>;
}

/**
 * Puts a reader of the pack, or else `readCoreModelFile`, in the module cache in place of the package's
 * reader, and the pack's exception tables in place of the package's modules of them. The pack is read when
 * the package loads them (the model package's loader requires them at once), its tables decoded on the
 * first load of the model.
 */
function install(): { reader: WinkCoreReader; exceptions: boolean } {
  const files = winkCoreFiles();
  if (!files || require.cache[files.reader]) return { reader: 'package', exceptions: false };
  const dist = dirname(files.reader);
  deferUnusedModels(dist);
  let pack: CorePack | undefined | null;
  const packed = () => (pack === undefined ? (pack = matchingPack(files) ?? null) : pack);
  const tables = exceptionFiles(dist);
  const exceptions = EXCEPTION_KINDS.every((kind) => !require.cache[tables[kind]]) ? packed()?.exceptions() : undefined;
  if (exceptions) for (const kind of EXCEPTION_KINDS) supply(tables[kind], exceptions[kind]);
  supply(files.reader, () => packed()?.model() ?? readCoreModelFile(files.json));
  return { reader: files.pack !== undefined && existsSync(files.pack) ? 'pack' : 'json', exceptions: exceptions !== undefined };
}

const installed = install();

/** How this process reads wink's core model ('pack' when a pack is there; one of another installation is checked, and passed over, on the first load). */
export const winkCoreReader: WinkCoreReader = installed.reader;

/** Whether this process reads wink's core model with a reader of ours (the pack or `readCoreModelFile`). */
export const fastWinkCore = winkCoreReader !== 'package';

/** Whether the lemmatizer's exception tables come from the pack (a pack of the installed model package was there). */
export const packedExceptions = installed.exceptions;
