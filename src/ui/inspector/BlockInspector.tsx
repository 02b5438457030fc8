import { useMemo, type ComponentType, type JSX } from 'react';
import { blockRegistry, type BlockKind } from '../../engine/blocks/registry';
import type { FlowBlock } from '../../engine/flow/schema';
import type { BlockFormProps, FormParams } from '../blocks/form-types';
import { cardCount, describedTitle } from '../blocks/hook-registry';
import { blockFormRegistry } from '../blocks/registry';
import { EngineErrorContext } from '../forms/engine-error-context';
import { statusBadge } from '../canvas/status-badge';
import { hasStartingParams } from '../state/default-params';
import { useStudio } from '../state/studio-store';
import { CompiledSql } from './CompiledSql';
import { FormBoundary } from './FormBoundary';
import { LabelField } from './LabelField';
import { upstreamColumns } from './upstream-columns';
import { useParamsDraft } from './use-params-draft';

// The registry maps each kind to the form for exactly that kind; looked up by a kind known only at run time, its
// props type is the union of all of them. The draft handed to it is that block's own params, so widening is safe.
type AnyBlockForm = ComponentType<BlockFormProps<BlockKind>>;
const formFor = (kind: BlockKind): AnyBlockForm => blockFormRegistry[kind] as unknown as AnyBlockForm;

/** Everything about one block: its name, its settings form, what it compiled to and how it failed. */
export function BlockInspector({ block }: { block: FlowBlock }): JSX.Element {
  const doc = useStudio((s) => s.doc);
  const runtime = useStudio((s) => s.runtime);
  const state = runtime[block.id];
  const inputs = useMemo(() => upstreamColumns(doc, runtime, block), [doc, runtime, block]);
  const { draft, edit } = useParamsDraft(block.id, block.kind, block.params);
  const definition = blockRegistry[block.kind];
  const badge = statusBadge(state, hasStartingParams(block.kind, block.params), cardCount(block, state));
  const Form = formFor(block.kind);
  return (
    <div className="inspector__block" data-testid="inspector-block" data-block-id={block.id}>
      <header className="inspector__header">
        <div className="inspector__kind">
          <span className={`inspector__family inspector__family--${definition.family}`}>{definition.family}</span>
          <span>{definition.title}</span>
        </div>
        <p className="inspector__description">{definition.description}</p>
        <p className="inspector__meta">
          <code className="inspector__id" title="Block id: how SQL and the command line refer to this block">
            {block.id}
          </code>
          <span className={`inspector__status inspector__status--${badge.status}`} data-testid="inspector-status" data-status={badge.status}>
            {badge.status === 'error' ? `Failed with ${badge.text}, explained below` : badge.detail}
          </span>
        </p>
      </header>
      <LabelField blockId={block.id} label={block.label} placeholder={describedTitle(block)} />
      <section className="inspector__section inspector__form" aria-label="Settings">
        <FormBoundary kind={block.kind}>
          <EngineErrorContext value={badge.status === 'error' ? state?.error : undefined}>
            <Form
              blockId={block.id}
              params={draft.draft as FormParams<BlockKind>}
              onChange={edit}
              inputs={inputs}
              issues={draft.issues}
            />
          </EngineErrorContext>
        </FormBoundary>
        {draft.issues.length > 0 && (
          <div className="inspector__issues" role="status" data-testid="inspector-issues">
            <p>Not applied yet; the flow keeps running with the last valid settings.</p>
            <ul>
              {draft.issues.map((issue, i) => (
                <li key={`${issue.path}|${i}`} title={issue.path === '' ? undefined : `Setting ${issue.path}`}>
                  {issue.message} <code>{issue.code}</code>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
      {badge.status === 'setup' && state?.error && (
        <section className="inspector__needs" role="status" data-testid="inspector-needs">
          <p>
            {state.error.code === 'E_PORT_UNCONNECTED' ? 'Connect it: ' : 'Choose its settings above: '}
            {state.error.message} <code>{state.error.code}</code>
          </p>
        </section>
      )}
      {badge.status === 'error' && state?.error && (
        <section className="inspector__error" role="alert" data-testid="inspector-error">
          <h3>
            <code>{state.error.code}</code>
          </h3>
          <p>{state.error.message}</p>
        </section>
      )}
      <CompiledSql sql={state?.sql} />
    </div>
  );
}
