import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, type JSX } from 'react';
import { blockRegistry } from '../../engine/blocks/registry';
import { hasStartingParams } from '../state/default-params';
import { blockTitle, cardCount } from '../blocks/hook-registry';
import type { BlockFlowNode } from './flow-elements';
import { statusBadge } from './status-badge';

interface PortRowProps {
  input: string | undefined;
  output: string | undefined;
}

/** One row of ports: an input on the left edge, an output on the right edge, each with its name. */
function PortRow({ input, output }: PortRowProps): JSX.Element {
  return (
    <div className="block-node__port-row">
      {input !== undefined && (
        <>
          <Handle type="target" position={Position.Left} id={input} className="block-node__handle" aria-label={`Input ${input}`} />
          <span className="block-node__port block-node__port--in">{input}</span>
        </>
      )}
      {output !== undefined && (
        <>
          <span className="block-node__port block-node__port--out">{output}</span>
          <Handle type="source" position={Position.Right} id={output} className="block-node__handle" aria-label={`Output ${output}`} />
        </>
      )}
    </div>
  );
}

/**
 * A block on the canvas: its title, kind, ports and status. `nokey` keeps React Flow from starting a box selection
 * when the block is shift-clicked, so shift-click adds it to the selection instead.
 */
function BlockNodeView({ data, selected }: NodeProps<BlockFlowNode>): JSX.Element {
  const { block, state, inputs, outputs } = data;
  const definition = blockRegistry[block.kind];
  const badge = statusBadge(state, hasStartingParams(block.kind, block.params), cardCount(block, state));
  const title = blockTitle(block);
  const rows = Math.max(inputs.length, outputs.length);
  return (
    <div
      className={`block-node block-node--${badge.status} block-node--${definition.family} nokey${selected ? ' is-selected' : ''}`}
      data-testid={`block-${block.id}`}
      data-status={badge.status}
      title={`${title} (${block.id})\n${definition.description}`}
    >
      <div className="block-node__header">
        <span className="block-node__title">{title}</span>
        <span className="block-node__kind">{definition.title}</span>
      </div>
      {rows > 0 && (
        <div className="block-node__ports">
          {Array.from({ length: rows }, (_, i) => (
            <PortRow key={`${inputs[i] ?? ''}|${outputs[i] ?? ''}|${i}`} input={inputs[i]} output={outputs[i]} />
          ))}
        </div>
      )}
      <div className="block-node__status" title={badge.detail}>
        {badge.status === 'running' && <span className="block-node__spinner" aria-hidden="true" />}
        <span className="block-node__status-text">{badge.text}</span>
      </div>
    </div>
  );
}

export const BlockNode = memo(BlockNodeView);
