import { useParams } from 'react-router';
import { McpServerDetails } from '../../../features/mcp/components/mcp-server-details';
import { McpServersPanel } from '../../../features/mcp/components/mcp-servers-panel';
import { useDocumentTitle } from '../../use-document-title';

/** Admin → MCP servers: the instance's MCP servers. */
export function AdminMcpServersPage() {
  useDocumentTitle('MCP servers · Admin');
  return <McpServersPanel />;
}

/** Admin → MCP servers → one server: status, errors and tools. */
export function AdminMcpServerPage() {
  const { serverId = '' } = useParams();
  useDocumentTitle('MCP server · Admin');
  // Keyed so that moving between servers starts from a fresh view (no edit form left open).
  return <McpServerDetails key={serverId} serverId={serverId} />;
}
