/** Which parts of the agent editor a user folded away on this browser (the palette, the side panel). */
const storageKey = 'claraverse.agents.editor-layout';

export interface EditorLayoutPreferences {
  paletteCollapsed: boolean;
  sidePanelCollapsed: boolean;
}

const defaults: EditorLayoutPreferences = { paletteCollapsed: false, sidePanelCollapsed: false };

/** The stored choices; anything missing or malformed reads as expanded. */
export function readEditorLayout(): EditorLayoutPreferences {
  try {
    const parsed: unknown = JSON.parse(globalThis.localStorage?.getItem(storageKey) ?? 'null');
    if (typeof parsed !== 'object' || parsed === null) return defaults;
    const record = parsed as Record<string, unknown>;
    return { paletteCollapsed: record.paletteCollapsed === true, sidePanelCollapsed: record.sidePanelCollapsed === true };
  } catch {
    return defaults;
  }
}

/** Stores one choice, keeping the other. */
export function rememberEditorLayout(change: Partial<EditorLayoutPreferences>): void {
  try {
    globalThis.localStorage?.setItem(storageKey, JSON.stringify({ ...readEditorLayout(), ...change }));
  } catch {
    // Storage blocked: the choice holds for this page view only.
  }
}
