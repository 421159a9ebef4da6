import type { RefObject } from 'react';
import type { FieldControlProps } from '../../../components/ui/field';
import { Input } from '../../../components/ui/input';
import { Textarea } from '../../../components/ui/textarea';
import { useTemplateAutocomplete } from './use-template-autocomplete';

interface TemplateControlProps {
  control: FieldControlProps;
  value: string;
  onChange: (text: string) => void;
  /** The `{{…}}` paths offered after typing `{{`. */
  paths: readonly string[];
  placeholder?: string | undefined;
}

interface TextAreaProps extends TemplateControlProps {
  rows?: number;
  isCode?: boolean;
  textareaRef?: RefObject<HTMLTextAreaElement | null>;
}

/** A multi-line template field (prompts, bodies, values) with `{{…}}` autocomplete. */
export function TemplateTextArea({ control, value, onChange, paths, placeholder, rows = 3, isCode = false, textareaRef }: TextAreaProps) {
  const autocomplete = useTemplateAutocomplete<HTMLTextAreaElement>({ text: value, setText: onChange, paths, ref: textareaRef });
  return (
    <div className="relative">
      <Textarea
        {...control}
        {...autocomplete.control}
        rows={rows}
        isCode={isCode}
        spellCheck={!isCode}
        value={value}
        placeholder={placeholder}
        onChange={(event) => {
          onChange(event.target.value);
          autocomplete.control.onSelect(event);
        }}
      />
      {autocomplete.list}
    </div>
  );
}

/** A one-line template field (URLs, items) with `{{…}}` autocomplete. */
export function TemplateInput({ control, value, onChange, paths, placeholder }: TemplateControlProps) {
  const autocomplete = useTemplateAutocomplete<HTMLInputElement>({ text: value, setText: onChange, paths });
  return (
    <div className="relative">
      <Input
        {...control}
        {...autocomplete.control}
        value={value}
        placeholder={placeholder}
        onChange={(event) => {
          onChange(event.target.value);
          autocomplete.control.onSelect(event);
        }}
      />
      {autocomplete.list}
    </div>
  );
}
