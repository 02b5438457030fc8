import { Field } from '../../forms/Field';
import { FormShell } from '../../forms/FormShell';
import type { BlockFormProps } from '../form-types';

const FIELDS = ['operator', 'code', 'parameters', 'reason'];

/** Read-only text in a labelled control, so it can be selected and copied but not edited by accident. */
function ReadOnlyText({ path, label, value, rows }: { path: string; label: string; value: string; rows: number }) {
  return (
    <Field path={path} label={label}>
      {(control) => <textarea {...control} className="form-mono" readOnly spellCheck={false} rows={rows} value={value} />}
    </Field>
  );
}

/**
 * An imported step that cannot run: shows why, and the original operator, code and settings, read-only. The user
 * rebuilds it from blocks (a Custom SQL block, say) and deletes this one.
 */
export function UnsupportedForm({ params, issues }: BlockFormProps<'unsupported'>) {
  const settings = JSON.stringify(params.parameters ?? {}, null, 2);
  return (
    <FormShell kind="unsupported" params={params} issues={issues} fields={FIELDS}>
      <p className="form-hint" role="note">
        This step came from {params.origin ?? 'another tool'} and has no translation
        {params.reason ? `: ${params.reason}` : ''}. The flow runs up to it; the blocks after it wait. Rebuild it from
        blocks, connect them in its place, and delete it.
      </p>
      <ReadOnlyText path="operator" label="Original operator" value={params.operator} rows={1} />
      {params.code !== undefined && <ReadOnlyText path="code" label="Original code" value={params.code} rows={10} />}
      <ReadOnlyText path="parameters" label="Original settings" value={settings} rows={8} />
    </FormShell>
  );
}
