import type { JSX } from 'react';
import { assertNever } from '../../../engine/assert-never';
import type { BlockState, EngineClient, ModelReport } from '../../../worker/engine-api';
import { useStudio } from '../../state/studio-store';
import { SetupNotice } from '../SetupNotice';
import { CancelledNotice } from './CancelledNotice';
import { LossChart } from './LossChart';
import { TrainingProgress } from './TrainingProgress';
import { TrainingReport } from './TrainingReport';
import '../../styles/preview-training.css';

interface TrainingTabProps {
  engine: EngineClient;
  blockId: string;
  state: BlockState | undefined;
  /** Set while the block is untouched and cannot run yet: the tab asks for what it needs instead of failing. */
  setup?: { connect: boolean; error: NonNullable<BlockState['error']> } | undefined;
}

/** The Training tab of a train-als or tune block: its live progress, its Stop, or the model it trained. */
export function TrainingTab({ engine, blockId, state, setup }: TrainingTabProps): JSX.Element {
  const live = useStudio((s) => s.training[blockId]);
  if (!state) return <p className="preview-hint">This block has not run yet. Connect its ratings to train it.</p>;
  switch (state.status) {
    case 'stale':
    case 'running':
      return <TrainingProgress blockId={blockId} live={live} />;
    case 'cancelled':
      return (
        <div className="training-tab">
          <CancelledNotice blockId={blockId} />
          {live && live.points.length > 0 && <LossChart points={live.points} maxIter={live.maxIter} />}
        </div>
      );
    case 'blocked':
      return <p className="preview-hint">Blocked: waiting for an upstream block to run without errors.</p>;
    case 'error':
      if (setup) return <SetupNotice connect={setup.connect} error={setup.error} />;
      return (
        <div className="preview-error" role="alert">
          <code className="preview-error__code">{state.error?.code ?? 'E_UNKNOWN'}</code>
          <p className="preview-error__message">{state.error?.message ?? 'The training failed without a message.'}</p>
        </div>
      );
    case 'fresh':
      // Only blocks whose report is a training's get this tab (see ui/blocks/registry.ts).
      return state.report !== undefined ? (
        <TrainingReport engine={engine} blockId={blockId} state={state} report={state.report as ModelReport} />
      ) : (
        <p className="preview-hint">This block has no training report.</p>
      );
    default:
      return assertNever(state.status);
  }
}
