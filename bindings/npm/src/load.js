// What the entries share: turning what they are given (the embedded bytes, a URL, a Response,
// bytes or a compiled module) into an instantiated module, the editions' data handed to it, and
// the `OcopError` thrown when loading fails. Any failure to load is a WASM_LOAD_FAILED refusal
// that says what to do, never a bare "expected magic word" from the engine.

const FIX =
  "Import 'ocop' instead of 'ocop/slim' (its WebAssembly is embedded: nothing to serve), or serve " +
  "node_modules/ocop/wasm/ocop_wasm_bg.wasm at that address, or pass its URL, a Response or its " +
  'bytes to init().';

/** The error every entry throws when the module cannot be loaded: an OcopError like the core's. */
export function loadFailed(message, cause) {
  const error = new Error(`WASM_LOAD_FAILED: ${message}`, cause === undefined ? undefined : { cause });
  error.name = 'OcopError';
  error.code = 'WASM_LOAD_FAILED';
  error.path = '';
  error.errors = [{ code: 'WASM_LOAD_FAILED', path: '', message }];
  return error;
}

/** `bytes` unchanged if they start with WebAssembly's magic number; otherwise the refusal. */
function checkBytes(bytes, where) {
  const view = ArrayBuffer.isView(bytes)
    ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    : new Uint8Array(bytes);
  if (view[0] === 0x00 && view[1] === 0x61 && view[2] === 0x73 && view[3] === 0x6d) return bytes;
  const head = new TextDecoder().decode(view.subarray(0, 512)).trimStart();
  const what = head.startsWith('<')
    ? 'an HTML page (a server or bundler answered with a page where the file should be)'
    : `not WebAssembly (it starts with ${JSON.stringify(head.slice(0, 20))})`;
  throw loadFailed(`${where} is ${what}. ${FIX}`);
}

/** What wasm-bindgen's init accepts, checked: a Response of WebAssembly, bytes or a module. */
async function checked(input) {
  let source = await input;
  if (typeof source === 'string' || source instanceof URL || (typeof Request === 'function' && source instanceof Request)) {
    const url = String(source instanceof Request ? source.url : source);
    try {
      source = await fetch(source);
    } catch (e) {
      throw loadFailed(`fetching ${url} failed (${e?.message ?? e}). ${FIX}`, e);
    }
  }
  if (typeof Response === 'function' && source instanceof Response) {
    const where = source.url || 'the response';
    if (!source.ok) throw loadFailed(`${where} answered ${source.status} ${source.statusText}. ${FIX}`);
    // Served as WebAssembly: compiled while it downloads. Anything else is read and checked.
    if (source.headers.get('content-type')?.split(';')[0].trim() === 'application/wasm') return source;
    return checkBytes(await source.arrayBuffer(), where);
  }
  if (source instanceof WebAssembly.Module) return source;
  if (ArrayBuffer.isView(source) || source instanceof ArrayBuffer) return checkBytes(source, 'the bytes given');
  throw loadFailed(`init() was given ${Object.prototype.toString.call(source)}; it takes a URL, a Response, bytes or a WebAssembly.Module.`);
}

/** Instantiates `glue`'s module from `input` (see `checked`); rejects with WASM_LOAD_FAILED. */
export async function instantiate(glue, input) {
  const source = await checked(input);
  try {
    await glue.default({ module_or_path: source });
  } catch (e) {
    const text = String(e?.message ?? e);
    const fix = /wasm-unsafe-eval|content security policy|\bCSP\b/i.test(text)
      ? "The page's Content-Security-Policy forbids WebAssembly: add 'wasm-unsafe-eval' to its script-src."
      : FIX;
    throw loadFailed(`the WebAssembly module did not compile or instantiate (${text}). ${fix}`, e);
  }
}

/**
 * Instantiates `glue`'s module from its embedded copy and hands it the editions' embedded data
 * (each decoded at its first use), inflating them all at once.
 */
export async function instantiateEmbedded(glue, wasm, editions) {
  const files = Promise.all(editions.map(embeddedBytes));
  files.catch(() => {}); // if the module fails first, that is the error to report
  await instantiate(glue, embeddedBytes(wasm));
  for (const file of await files) glue.loadEditionData(file);
}

/** Hands `glue`'s loaded module the editions' embedded data. */
export async function loadEmbedded(glue, editions) {
  for (const file of await Promise.all(editions.map(embeddedBytes))) glue.loadEditionData(file);
}

/** Bytes embedded as text (the WebAssembly, an edition): base64 of their gzip, inflated natively. */
export async function embeddedBytes(gzipBase64) {
  if (typeof DecompressionStream !== 'function') {
    throw loadFailed(
      "this JavaScript engine has no DecompressionStream (Chrome 80, Firefox 113, Safari 16.4 and later have it). Import 'ocop/slim' and call init() instead.",
    );
  }
  const gzip = typeof Uint8Array.fromBase64 === 'function' ? Uint8Array.fromBase64(gzipBase64) : fromBase64(gzipBase64);
  const inflated = new Blob([gzip]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(inflated).arrayBuffer());
}

function fromBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
