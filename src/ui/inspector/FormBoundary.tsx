import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  kind: string;
  children: ReactNode;
}

interface State {
  failure: string | undefined;
}

/** Keeps one broken form from blanking the whole studio: the canvas and the flow stay usable. */
export class FormBoundary extends Component<Props, State> {
  override state: State = { failure: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { failure: error instanceof Error ? error.message : String(error) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`The ${this.props.kind} form failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.failure === undefined) return this.props.children;
    return (
      <div className="inspector__form-failure" role="alert">
        <p>The settings form for this block failed to show: {this.state.failure}</p>
        <button type="button" onClick={() => this.setState({ failure: undefined })}>
          Try again
        </button>
      </div>
    );
  }
}
