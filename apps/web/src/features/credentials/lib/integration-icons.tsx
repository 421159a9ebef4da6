import {
  Activity, AtSign, BarChart3, Building2, Calendar, Cloud, Code, Database, DatabaseZap, FileText, FolderGit2, GitMerge,
  Globe, HardDrive, Hash, KeyRound, ListChecks, ListTodo, Mail, Megaphone, MessageCircle, MessageSquare, Plug, Rocket,
  Send, Server, Sheet, ShoppingBag, ShoppingCart, Smartphone, SquareCheck, SquareKanban, Table, Target, Ticket, Users,
  Video, Webhook, type LucideIcon,
} from 'lucide-react';
import { createElement } from 'react';

/**
 * Lucide icons by the names the integrations catalogue sends for integrations and categories. A static list
 * keeps the bundle small (importing every icon would add ~1,600 of them); an unknown name shows a plug.
 */
const integrationIcons: Record<string, LucideIcon> = {
  Activity, AtSign, BarChart3, Building2, Calendar, Cloud, Code, Database, DatabaseZap, FileText, FolderGit2, GitMerge,
  Globe, HardDrive, Hash, KeyRound, ListChecks, ListTodo, Mail, Megaphone, MessageCircle, MessageSquare, Plug, Rocket,
  Send, Server, Sheet, ShoppingBag, ShoppingCart, Smartphone, SquareCheck, SquareKanban, Table, Target, Ticket, Users,
  Video, Webhook,
};

/** The icon for a Lucide name (`MessageSquare`, also `message-square`); a plug when unknown. */
export function integrationIconOf(name: string): LucideIcon {
  const pascalName = name.replace(/(^|[-_\s])([a-z0-9])/g, (_, _separator: string, letter: string) => letter.toUpperCase());
  return integrationIcons[name] ?? integrationIcons[pascalName] ?? Plug;
}

/** An integration's or a category's icon (decorative: its name is always shown beside it). */
export function IntegrationIcon({ name, className }: { name: string; className?: string }) {
  return createElement(integrationIconOf(name), { 'aria-hidden': true, className });
}
