/**
 * The kebab-case form of a block name used as its template root (`{{news-researcher.response}}`): lower case,
 * letters and digits kept (accents dropped), everything else collapsed to single hyphens.
 */
export function toNormalizedId(name: string): string {
  const kebab = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return kebab === '' ? 'block' : kebab;
}

/** `base`, or `base-2`, `base-3`… — the first that is not in `taken`. */
export function uniqueNormalizedId(name: string, taken: ReadonlySet<string>): string {
  const base = toNormalizedId(name);
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${base}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** `name`, or `name 2`, `name 3`… — the first whose normalized id is free, so names and ids stay in step. */
export function uniqueBlockName(name: string, takenNormalizedIds: ReadonlySet<string>): string {
  if (!takenNormalizedIds.has(toNormalizedId(name))) return name;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${name} ${suffix}`;
    if (!takenNormalizedIds.has(toNormalizedId(candidate))) return candidate;
  }
}
