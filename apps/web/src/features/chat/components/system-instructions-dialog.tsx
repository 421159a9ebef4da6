import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';

interface SystemInstructionsDialogProps {
  isOpen: boolean;
  initialValue: string;
  onSave: (value: string) => void;
  onClose: () => void;
}

/** Edits the per-chat system instructions (sent as `systemPrompt` with every turn of this chat). */
export function SystemInstructionsDialog({ isOpen, initialValue, onSave, onClose }: SystemInstructionsDialogProps) {
  const [value, setValue] = useState(initialValue);
  const handleSave = () => {
    onSave(value.trim());
    onClose();
  };
  return (
    <Dialog isOpen={isOpen} title="Instructions for this chat" description="The model follows these in every reply of this chat." onClose={onClose}>
      <label htmlFor="system-instructions" className="sr-only">
        Instructions
      </label>
      <textarea
        id="system-instructions"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        rows={8}
        maxLength={50_000}
        placeholder="For example: answer in French, be brief, cite sources."
        className="w-full rounded-lg border border-zinc-300 bg-white p-2.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      />
      <div className="mt-4 flex justify-end gap-2">
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button onClick={handleSave}>Save</Button>
      </div>
    </Dialog>
  );
}
