import type { McpServer, McpTransport } from '@claraverse/shared';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Checkbox } from '../../../components/ui/checkbox';
import { Field } from '../../../components/ui/field';
import { RadioGroup } from '../../../components/ui/radio-group';
import { TextField } from '../../../components/ui/text-field';
import type { FieldErrors } from '../../../lib/form-errors';
import { useSaveMcpServer } from '../api/save-mcp-server';
import { describeMcpError, mcpFieldErrorsFromApiError } from '../lib/describe-mcp-error';
import { buildMcpServerBody, initialMcpServerFormValues, type McpServerFormValues } from './mcp-server-form-values';
import { SecretRowsEditor } from './secret-rows-editor';

interface McpServerFormProps {
  /** Null to add a server. */
  server: McpServer | null;
  onSaved: (server: McpServer) => void;
  onCancel: () => void;
}

const transportOptions = [
  { value: 'stdio', label: 'Local program (stdio)', description: 'ClaraVerse starts the program on its own machine and talks to it over standard input and output.' },
  { value: 'http', label: 'Remote server (Streamable HTTP)', description: 'ClaraVerse connects to an MCP endpoint by URL, e.g. https://mcp.example.com/mcp.' },
] as const satisfies ReadonlyArray<{ value: McpTransport; label: string; description: string }>;

const textareaClasses =
  'w-full rounded-lg border border-zinc-300 bg-white p-2.5 font-mono text-sm text-zinc-900 placeholder:text-zinc-400 focus-visible:border-violet-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-violet-600/40 aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-500 dark:aria-invalid:border-red-400';

/**
 * Add or edit an MCP server. Environment and header values are write-only: stored ones show "set" and are kept
 * unless replaced. Saving (re)connects the server in the background.
 */
export function McpServerForm({ server, onSaved, onCancel }: McpServerFormProps) {
  const [values, setValues] = useState<McpServerFormValues>(() => initialMcpServerFormValues(server));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const saveMutation = useSaveMcpServer();
  const change = (changes: Partial<McpServerFormValues>) => setValues((current) => ({ ...current, ...changes }));

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const result = buildMcpServerBody(values, server === null);
    if (!result.success) {
      setFieldErrors(result.fieldErrors);
      return;
    }
    setFieldErrors({});
    saveMutation.mutate({ serverId: server?.id ?? null, body: result.body }, {
      onSuccess: onSaved,
      onError: (error) => {
        setFieldErrors(mcpFieldErrorsFromApiError(error));
        setFormError(describeMcpError(error));
      },
    });
  };

  return (
    <form noValidate onSubmit={handleSubmit} className="flex flex-col gap-5" aria-label={server ? `Edit ${server.name}` : 'Add an MCP server'}>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <TextField
        label="Name"
        value={values.name}
        onValueChange={(name) => change({ name })}
        error={fieldErrors.name}
        placeholder="Everything"
        hint="Shown to people as the tools' source; it also prefixes the tool names the model sees."
      />
      <RadioGroup legend="Transport" name="transport" value={values.transport} options={transportOptions} onChange={(transport) => change({ transport })} />
      <TransportFields values={values} fieldErrors={fieldErrors} onChange={change} />
      <Checkbox
        label="Enabled"
        description="A disabled server is stopped and its tools are offered to nobody."
        isChecked={values.enabled}
        onChange={(enabled) => change({ enabled })}
      />
      <AllowedRolesFields values={values} error={fieldErrors.allowedRoles} onChange={change} />
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" isLoading={saveMutation.isPending}>
          {server ? 'Save server' : 'Add server'}
        </Button>
      </div>
    </form>
  );
}

interface FieldsProps {
  values: McpServerFormValues;
  fieldErrors: FieldErrors;
  onChange: (changes: Partial<McpServerFormValues>) => void;
}

/** Command, arguments and environment of a stdio server; URL and headers of an http one. */
function TransportFields({ values, fieldErrors, onChange }: FieldsProps) {
  return values.transport === 'stdio' ? (
    <>
      <TextField
        label="Command"
        value={values.command}
        onValueChange={(command) => onChange({ command })}
        error={fieldErrors.command}
        placeholder="node"
        spellCheck={false}
        autoComplete="off"
        className="font-mono"
        hint="The program to start, e.g. node, npx or the full path of a server."
      />
      <Field label="Arguments" error={fieldErrors.args} hint="One per line, passed as they are (no shell quoting).">
        {(controlProps) => (
          <textarea
            {...controlProps}
            // One argument per line: no soft wrapping, so a long path never looks like two arguments.
            wrap="off"
            rows={Math.min(8, Math.max(3, values.argsText.split('\n').length + 1))}
            spellCheck={false}
            value={values.argsText}
            placeholder={'/opt/mcp/everything/dist/index.js\nstdio'}
            onChange={(event) => onChange({ argsText: event.target.value })}
            className={textareaClasses}
          />
        )}
      </Field>
      <SecretRowsEditor
        legend="Environment variables"
        hint="Values are stored encrypted and never shown again; a stored value shows as “set”."
        noun="variable"
        namePlaceholder="API_TOKEN"
        rows={values.envRows}
        error={fieldErrors.env}
        onChange={(envRows) => onChange({ envRows })}
      />
    </>
  ) : (
    <>
      <TextField
        label="URL"
        value={values.url}
        onValueChange={(url) => onChange({ url })}
        error={fieldErrors.url}
        inputMode="url"
        spellCheck={false}
        autoComplete="off"
        placeholder="https://mcp.example.com/mcp"
      />
      <SecretRowsEditor
        legend="Headers"
        hint="Sent with every request, e.g. Authorization. Values are stored encrypted and never shown again."
        noun="header"
        namePlaceholder="Authorization"
        rows={values.headerRows}
        error={fieldErrors.headers}
        onChange={(headerRows) => onChange({ headerRows })}
      />
    </>
  );
}

/** Users and/or administrators; both means everyone (`allowedRoles: null`). */
function AllowedRolesFields({ values, error, onChange }: Omit<FieldsProps, 'fieldErrors'> & { error: string | undefined }) {
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-1 text-sm font-medium text-zinc-800 dark:text-zinc-200">Allowed roles</legend>
      <p className="-mt-1 text-xs text-zinc-500 dark:text-zinc-400">Who gets this server's tools in chat.</p>
      <Checkbox label="Users" isChecked={values.allowsUsers} onChange={(allowsUsers) => onChange({ allowsUsers })} />
      <Checkbox label="Administrators" isChecked={values.allowsAdmins} onChange={(allowsAdmins) => onChange({ allowsAdmins })} />
      {error ? (
        <p role="alert" className="text-xs font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
