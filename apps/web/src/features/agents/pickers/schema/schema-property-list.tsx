import { Plus, Trash2 } from 'lucide-react';
import { Input } from '../../../../components/ui/input';
import { Select } from '../../../../components/ui/select';
import { classNames } from '../../../../lib/class-names';
import { newProperty, propertyTypes, withType, type SchemaNode, type SchemaProperty } from './schema-model';

const typeOptions = propertyTypes.map((type) => ({ value: type, label: type }));

interface PropertyListProps {
  /** An object node: its fields are the rows. */
  node: SchemaNode;
  onChange: (node: SchemaNode) => void;
  /** `answer`, `answer.author`… (labels say which object a field belongs to). */
  path: string;
  depth: number;
}

/** The fields of an object schema: name, type, description, required, and nested fields or array items. */
export function PropertyList({ node, onChange, path, depth }: PropertyListProps) {
  const replace = (index: number, next: SchemaProperty) => onChange({ ...node, properties: node.properties.map((property, at) => (at === index ? next : property)) });
  const remove = (index: number) => onChange({ ...node, properties: node.properties.filter((_, at) => at !== index) });
  return (
    <div className={classNames('flex flex-col gap-2', depth > 0 && 'border-l-2 border-zinc-200 pl-3 dark:border-zinc-700')}>
      {node.properties.map((property, index) => (
        <PropertyRow key={property.key} property={property} path={path} depth={depth} onChange={(next) => replace(index, next)} onRemove={() => remove(index)} />
      ))}
      <button
        type="button"
        onClick={() => onChange({ ...node, properties: [...node.properties, newProperty()] })}
        className="inline-flex items-center gap-1 self-start rounded-md px-1.5 py-1 text-xs font-medium text-violet-700 hover:bg-violet-50 dark:text-violet-400 dark:hover:bg-violet-950"
      >
        <Plus aria-hidden="true" className="size-3.5" />
        {depth === 0 ? 'Add field' : `Add field to ${path}`}
      </button>
    </div>
  );
}

function PropertyRow({ property, path, depth, onChange, onRemove }: { property: SchemaProperty; path: string; depth: number; onChange: (next: SchemaProperty) => void; onRemove: () => void }) {
  const name = property.name.trim() === '' ? 'new field' : property.name;
  const fieldPath = depth === 0 ? name : `${path}.${name}`;
  const setNode = (node: SchemaNode) => onChange({ ...property, node });
  const items = property.node.items;
  return (
    <div role="group" aria-label={`Field ${fieldPath}`} className="flex flex-col gap-1.5 rounded-lg border border-zinc-200 bg-white p-2 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="grid grid-cols-[1fr_6.5rem_auto] items-center gap-1.5">
        <Input aria-label="Field name" className="h-8 font-mono text-xs" placeholder="name" value={property.name} onChange={(event) => onChange({ ...property, name: event.target.value })} />
        <Select aria-label="Field type" className="[&>select]:h-8 [&>select]:text-xs" options={typeOptions} value={property.node.type} onChange={(event) => setNode(withType(property.node, event.target.value as SchemaNode['type']))} />
        <button type="button" aria-label={`Remove ${fieldPath}`} onClick={onRemove} className="rounded-md p-1.5 text-zinc-500 hover:bg-red-50 hover:text-red-700 dark:text-zinc-400 dark:hover:bg-red-950 dark:hover:text-red-300">
          <Trash2 aria-hidden="true" className="size-4" />
        </button>
      </div>
      <div className="grid grid-cols-[1fr_auto] items-center gap-2">
        <Input aria-label="Field description" className="h-8 text-xs" placeholder="Description" value={property.node.description} onChange={(event) => setNode({ ...property.node, description: event.target.value })} />
        <label className="flex items-center gap-1.5 text-xs text-zinc-700 dark:text-zinc-300">
          <input type="checkbox" checked={property.required} onChange={(event) => onChange({ ...property, required: event.target.checked })} className="size-3.5 accent-violet-700" />
          Required
        </label>
      </div>
      {property.node.type === 'object' ? <PropertyList node={property.node} onChange={setNode} path={fieldPath} depth={depth + 1} /> : null}
      {property.node.type === 'array' && items !== undefined ? (
        <div className="flex flex-col gap-1.5 border-l-2 border-zinc-200 pl-3 dark:border-zinc-700">
          <label className="flex items-center gap-2 text-xs text-zinc-700 dark:text-zinc-300">
            <span className="shrink-0">Each item is</span>
            <Select aria-label={`Item type of ${fieldPath}`} className="[&>select]:h-8 [&>select]:text-xs" options={typeOptions.filter((option) => option.value !== 'array')} value={items.type} onChange={(event) => setNode({ ...property.node, items: withType(items, event.target.value as SchemaNode['type']) })} />
          </label>
          {items.type === 'object' ? <PropertyList node={items} onChange={(next) => setNode({ ...property.node, items: next })} path={`${fieldPath}[]`} depth={depth + 1} /> : null}
        </div>
      ) : null}
    </div>
  );
}
