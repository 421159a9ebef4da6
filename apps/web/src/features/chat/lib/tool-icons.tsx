import {
  AudioLines, BarChart3, Bomb, BrainCircuit, Calculator, Calendar, Clock, Code, Database, Download, FileDown, FilePlus,
  FileText, Folder, Globe, Image, ImagePlus, Images, Laptop, Mail, MessageCircleQuestion, Network, Plug, Plus,
  Presentation, ScanEye, Search, Sheet, Table, Terminal, Wand, Wrench, type LucideIcon,
} from 'lucide-react';
import { createElement } from 'react';

/**
 * Lucide icons by the names tools send (`chat.tool-call.icon`): those of the built-in catalog plus a few that MCP
 * servers commonly use. A static list keeps the bundle small (importing every icon would add ~1,600 of them).
 */
const toolIcons: Record<string, LucideIcon> = {
  AudioLines, BarChart3, Bomb, BrainCircuit, Calculator, Calendar, Clock, Code, Database, Download, FileDown, FilePlus,
  FileText, Folder, Globe, Image, ImagePlus, Images, Laptop, Mail, MessageCircleQuestion, Network, Plug, Plus,
  Presentation, ScanEye, Search, Sheet, Table, Terminal, Wand, Wrench,
};

/** The icon for a tool's Lucide name (`FileText`, also `file-text`); a wrench when unknown. */
export function toolIconOf(name: string | undefined): LucideIcon {
  if (!name) return Wrench;
  const pascalName = name.replace(/(^|[-_\s])([a-z0-9])/g, (_, _separator: string, letter: string) => letter.toUpperCase());
  return toolIcons[name] ?? toolIcons[pascalName] ?? Wrench;
}

/** A tool's icon as an element (decorative: the tool's name is always shown beside it). */
export function ToolIcon({ name, className }: { name: string | undefined; className?: string }) {
  return createElement(toolIconOf(name), { 'aria-hidden': true, className });
}
