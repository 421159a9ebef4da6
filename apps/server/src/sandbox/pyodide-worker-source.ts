/**
 * The Pyodide worker (CommonJS, run with `eval: true`). It loads Pyodide, writes the runner, the code and
 * the input files into Pyodide's in-memory file system, then closes the doors from Python back to Node:
 * every global outside plain JavaScript and the few web APIs Pyodide uses is deleted, and Pyodide's host
 * file-system mounts and package loading are removed. Then it runs the code and posts the files written.
 */
export const pyodideWorkerSource = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');

const keptGlobals = new Set([
  'Object', 'Function', 'Array', 'Number', 'parseFloat', 'parseInt', 'Infinity', 'NaN', 'undefined', 'Boolean',
  'String', 'Symbol', 'Date', 'Promise', 'RegExp', 'Error', 'AggregateError', 'EvalError', 'RangeError',
  'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'globalThis', 'JSON', 'Math', 'Intl', 'ArrayBuffer',
  'Uint8Array', 'Int8Array', 'Uint16Array', 'Int16Array', 'Uint32Array', 'Int32Array', 'Float32Array',
  'Float64Array', 'Uint8ClampedArray', 'BigUint64Array', 'BigInt64Array', 'DataView', 'Map', 'BigInt', 'Set',
  'WeakMap', 'WeakSet', 'Proxy', 'Reflect', 'FinalizationRegistry', 'WeakRef', 'decodeURI', 'decodeURIComponent',
  'encodeURI', 'encodeURIComponent', 'escape', 'unescape', 'eval', 'isFinite', 'isNaN', 'SharedArrayBuffer',
  'Atomics', 'WebAssembly', 'TextEncoder', 'TextDecoder', 'clearInterval', 'clearTimeout', 'setInterval',
  'setTimeout', 'clearImmediate', 'setImmediate', 'queueMicrotask', 'structuredClone', 'atob', 'btoa',
  'performance', 'crypto', 'URL', 'URLSearchParams', 'DOMException', 'AbortController', 'AbortSignal', 'Event',
  'EventTarget', 'Iterator',
]);

function closeHostAccess(pyodide) {
  for (const name of Object.getOwnPropertyNames(globalThis)) {
    if (keptGlobals.has(name)) continue;
    try { delete globalThis[name]; } catch { /* non-configurable: nothing reachable through it */ }
  }
  const blocked = () => { throw new Error('Not available in the sandbox.'); };
  for (const name of ['mountNodeFS', 'mountNativeFS', 'loadPackage', 'loadPackagesFromImports', 'registerJsModule', 'setStdin']) {
    try { pyodide[name] = blocked; } catch { /* read-only */ }
  }
  // Python reaches JavaScript only through the modules 'js' (globalThis) and 'pyodide_js' (this API, and
  // through it Emscripten's module with host file and socket access): both are unregistered.
  for (const name of ['js', 'pyodide_js']) {
    try { pyodide.unregisterJsModule(name); } catch { /* not registered */ }
  }
  pyodide.runPython([
    'import sys',
    'for name in [name for name in sys.modules if name.split(".")[0] in ("js", "pyodide_js")]:',
    '    del sys.modules[name]',
  ].join('\n'));
}

function collectFiles(FS, dir, prefix, depth, inputs, limits, state) {
  for (const entry of FS.readdir(dir).sort()) {
    if (entry === '.' || entry === '..' || entry.startsWith('.') || entry === '__pycache__') continue;
    const path = dir + '/' + entry;
    const name = prefix === '' ? entry : prefix + '/' + entry;
    const stat = FS.lstat(path);
    if (FS.isDir(stat.mode)) {
      if (depth < 4) collectFiles(FS, path, name, depth + 1, inputs, limits, state);
      continue;
    }
    if (!FS.isFile(stat.mode)) continue;
    if (stat.size > limits.maxFileBytes || state.files.length >= limits.maxFiles || state.total + stat.size > limits.maxTotalFileBytes) {
      state.skipped.push(name);
      continue;
    }
    const data = FS.readFile(path);
    const input = inputs.get(name);
    if (input && input.length === data.length && input.every((byte, index) => byte === data[index])) continue;
    state.files.push({ name, data });
    state.total += data.length;
  }
}

(async () => {
  let pyodide;
  try {
    const { loadPyodide } = await import(workerData.pyodideModuleUrl);
    pyodide = await loadPyodide({ indexURL: workerData.indexURL, env: { HOME: '/tmp', USER: 'sandbox' } });
  } catch (error) {
    parentPort.postMessage({ type: 'failed', message: 'Pyodide could not be loaded: ' + (error && error.message) });
    return;
  }
  const decoder = new TextDecoder();
  const writer = (type) => ({ write: (bytes) => { parentPort.postMessage({ type, text: decoder.decode(bytes) }); return bytes.length; } });
  pyodide.setStdout(writer('stdout'));
  pyodide.setStderr(writer('stderr'));
  const FS = pyodide.FS;
  for (const dir of ['/sandbox', '/home/pyodide/work', '/plots']) FS.mkdirTree(dir);
  FS.writeFile('/sandbox/runner.py', workerData.runnerSource);
  FS.writeFile('/sandbox/main.py', workerData.code);
  const inputs = new Map();
  for (const file of workerData.files) {
    FS.writeFile('/home/pyodide/work/' + file.name, file.data);
    inputs.set(file.name, file.data);
  }
  const interrupt = new Int32Array(workerData.interruptBuffer);
  const run = pyodide.runPython('import sys; sys.path.insert(0, "/sandbox"); import runner; runner.run');
  closeHostAccess(pyodide);
  interrupt[0] = 0;
  pyodide.setInterruptBuffer(interrupt);
  parentPort.postMessage({ type: 'ready' });
  let exitCode = 1;
  try {
    exitCode = run('/sandbox/main.py', '/home/pyodide/work', '/plots', workerData.limits.maxPlots);
  } catch (error) {
    parentPort.postMessage({ type: 'stderr', text: String(error && error.message) + '\n' });
  }
  const state = { files: [], skipped: [], total: 0 };
  try {
    collectFiles(FS, '/home/pyodide/work', '', 0, inputs, workerData.limits, state);
  } catch (error) {
    parentPort.postMessage({ type: 'stderr', text: 'Could not collect the files written: ' + (error && error.message) + '\n' });
  }
  parentPort.postMessage(
    { type: 'done', result: { exitCode, files: state.files, skipped: state.skipped } },
    state.files.map((file) => file.data.buffer),
  );
})();
`;
