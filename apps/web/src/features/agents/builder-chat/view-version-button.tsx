import { Eye } from 'lucide-react';
import { Button } from '../../../components/ui/button';
import { useOpenEditorPanel } from '../components/agent-editor';

/**
 * Brings the Versions tab forward from an AI change, where the version it saved is listed with its preview and
 * restore. (The Versions tab has no way to be opened on one version, so it opens on its list.)
 */
export function ViewVersionButton({ version, className }: { version: number; className?: string }) {
  const openPanel = useOpenEditorPanel();
  return (
    <Button variant="ghost" size="small" className={className} icon={<Eye aria-hidden="true" className="size-3.5" />} onClick={() => openPanel('versions')}>
      View version {version}
    </Button>
  );
}
