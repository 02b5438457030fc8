import type { JSX } from 'react';

/** Chooses which output of a multi-output block (a split's train and test) the panel shows. */
export function PortSwitcher({ ports, port, onPick }: { ports: readonly string[]; port: string; onPick(port: string): void }): JSX.Element | null {
  if (ports.length < 2) return null;
  return (
    <div className="preview-ports" role="group" aria-label="Output">
      {ports.map((p) => (
        <button key={p} type="button" className="preview-port" aria-pressed={p === port} onClick={() => onPick(p)}>
          {p}
        </button>
      ))}
    </div>
  );
}
