/**
 * The QuickJS worker (CommonJS, run with `eval: true`): a fresh QuickJS runtime with a memory limit, a stack
 * limit and an interrupt deadline; `console.*` is the only thing the code can reach. Pending promise jobs are
 * run after the script, so top-level promise chains finish.
 */
export const quickJsWorkerSource = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');

function format(value) {
  if (typeof value === 'string') return value;
  if (value === undefined) return 'undefined';
  try { return JSON.stringify(value); } catch { return String(value); }
}

(async () => {
  let QuickJS;
  let quickjs;
  try {
    quickjs = await import(workerData.quickJsModuleUrl);
    QuickJS = await quickjs.getQuickJS();
  } catch (error) {
    parentPort.postMessage({ type: 'failed', message: 'QuickJS could not be loaded: ' + (error && error.message) });
    return;
  }
  const runtime = QuickJS.newRuntime();
  runtime.setMemoryLimit(workerData.memoryBytes);
  runtime.setMaxStackSize(1024 * 1024);
  const vm = runtime.newContext();
  const consoleObject = vm.newObject();
  for (const [name, stream] of [['log', 'stdout'], ['info', 'stdout'], ['debug', 'stdout'], ['warn', 'stderr'], ['error', 'stderr']]) {
    const fn = vm.newFunction(name, (...args) => {
      parentPort.postMessage({ type: stream, text: args.map((arg) => format(vm.dump(arg))).join(' ') + '\n' });
    });
    vm.setProp(consoleObject, name, fn);
    fn.dispose();
  }
  vm.setProp(vm.global, 'console', consoleObject);
  consoleObject.dispose();

  parentPort.postMessage({ type: 'ready' });
  runtime.setInterruptHandler(quickjs.shouldInterruptAfterDeadline(Date.now() + workerData.timeoutMs));
  let error = null;
  const result = vm.evalCode(workerData.code, 'main.js');
  if (result.error) {
    error = vm.dump(result.error);
    result.error.dispose();
  } else {
    result.value.dispose();
    const jobs = runtime.executePendingJobs(-1);
    if (jobs.error) {
      error = vm.dump(jobs.error);
      jobs.error.dispose();
    }
  }
  const describe = (value) => value && typeof value === 'object'
    ? { name: String(value.name || 'Error'), message: String(value.message || ''), stack: String(value.stack || '') }
    : { name: 'Error', message: format(value), stack: '' };
  parentPort.postMessage({ type: 'done', result: { error: error === null ? null : describe(error) } });
})();
`;
