// Summarises a V8 .cpuprofile (node --cpu-prof): the functions with the most self time and the most total
// (inclusive) time, and the share per package (node_modules/<name>, node: internals, the server's own code).
// Usage: node --import tsx bench/v1-request-path/profile-summary.ts <file.cpuprofile> [top=30] [filter]
// `filter` keeps only samples whose stack contains a frame matching it (a regular expression on "name url").
// PROFILE_SKIP_MS=<ms> leaves out the first milliseconds of the profile (start-up: module loading, migrations);
// PROFILE_FROM=<regex> starts at the first sample with a matching frame (e.g. `openai-compat` for the first /v1
// request); PROFILE_REQUESTS=<n> adds µs per request (n requests in the profiled span) to every figure.
import { readFileSync } from 'node:fs';

interface CallFrame { functionName: string; url: string; lineNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

const [file, topArgument, filterArgument] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [top] [filter]');
const top = Number(topArgument ?? 30);
const filter = filterArgument ? new RegExp(filterArgument) : undefined;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

const shortUrl = (url: string) => url.replace(/^file:\/\/.*?node_modules\//, '').replace(/^file:\/\/.*?\/(apps|packages)\//, '$1/');
const label = (frame: CallFrame) => `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
const packageOf = (frame: CallFrame) => {
  if (frame.url === '') return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  if (frame.url.startsWith('node:')) return 'node:';
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(frame.url);
  if (match) return match[1] ?? '?';
  return /(apps|packages)\/[^/]+/.exec(frame.url)?.[0] ?? frame.url;
};

const self = new Map<string, number>();
const total = new Map<string, number>();
const packages = new Map<string, number>();
let sampled = 0;
let idle = 0;
const skipUs = Number(process.env.PROFILE_SKIP_MS ?? 0) * 1000;
const from = process.env.PROFILE_FROM ? new RegExp(process.env.PROFILE_FROM) : undefined;
const requests = Number(process.env.PROFILE_REQUESTS ?? 0);
let hasStarted = from === undefined;
let elapsedUs = 0;
profile.samples.forEach((sample, index) => {
  const delta = profile.timeDeltas[index + 1] ?? 0;
  elapsedUs += profile.timeDeltas[index] ?? 0;
  if (elapsedUs < skipUs) return;
  const leaf = byId.get(sample);
  if (!leaf) return;
  if (leaf.callFrame.functionName === '(idle)') {
    idle += delta;
    return;
  }
  const stack: CallFrame[] = [];
  for (let id: number | undefined = sample; id !== undefined; id = parentOf.get(id)) {
    const node = byId.get(id);
    if (node) stack.push(node.callFrame);
  }
  if (!hasStarted) hasStarted = stack.some((frame) => from?.test(`${frame.functionName} ${frame.url}`) ?? true);
  if (!hasStarted) return;
  if (filter && !stack.some((frame) => filter.test(`${frame.functionName} ${frame.url}`))) return;
  sampled += delta;
  self.set(label(leaf.callFrame), (self.get(label(leaf.callFrame)) ?? 0) + delta);
  packages.set(packageOf(leaf.callFrame), (packages.get(packageOf(leaf.callFrame)) ?? 0) + delta);
  for (const name of new Set(stack.map(label))) total.set(name, (total.get(name) ?? 0) + delta);
});

const ms = (us: number) => `${(us / 1000).toFixed(1).padStart(8)}${requests > 0 ? ` ms ${(us / requests).toFixed(0).padStart(5)} µs/req` : ' ms'}`;
const pct = (us: number) => `${((100 * us) / sampled).toFixed(1).padStart(5)}%`;
const print = (title: string, map: Map<string, number>) => {
  process.stdout.write(`\n${title}\n`);
  for (const [name, us] of [...map.entries()].sort((left, right) => right[1] - left[1]).slice(0, top)) process.stdout.write(`${ms(us)} ${pct(us)}  ${name}\n`);
};
process.stdout.write(`busy ${ms(sampled)}, idle ${ms(idle)}${filter ? ` (samples matching ${filter})` : ''}\n`);
print('by package (self)', packages);
print('self time', self);
print('total time', total);
