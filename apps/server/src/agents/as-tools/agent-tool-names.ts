/** Longest tool name providers accept (OpenAI: 64). */
const maxToolNameLength = 64;
const prefix = 'agent_';

/** `Weekly Report (v2)` → `weekly_report_v2`; empty when the name has no letters or digits. */
function slugOf(name: string): string {
  return name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

/**
 * Tool names for agents, in the given order: `agent_<slug of name>` (snake_case, ≤ 64 characters), made unique
 * with `_2`, `_3`… so two agents of the same name stay callable; an agent whose name has no letters or digits
 * is named by the start of its id.
 */
export function agentToolNames(agents: ReadonlyArray<{ id: string; name: string }>): string[] {
  const taken = new Set<string>();
  return agents.map((agent) => {
    const slug = slugOf(agent.name) || slugOf(agent.id).slice(0, 8) || 'unnamed';
    const base = `${prefix}${slug}`.slice(0, maxToolNameLength).replace(/_+$/, '');
    let name = base;
    for (let n = 2; taken.has(name); n++) {
      const suffix = `_${n}`;
      name = `${base.slice(0, maxToolNameLength - suffix.length).replace(/_+$/, '')}${suffix}`;
    }
    taken.add(name);
    return name;
  });
}
