import type PlotlyDefault from 'plotly.js-dist-min';
import type { Config, Data, Layout } from 'plotly.js-dist-min';
import { useEffect, useRef, useState, type JSX } from 'react';

type PlotlyModule = typeof PlotlyDefault;

let plotlyLoad: Promise<PlotlyModule> | undefined;

/** Plotly is about 4 MB: it is loaded the first time a chart is drawn, never with the studio itself. */
function loadPlotly(): Promise<PlotlyModule> {
  plotlyLoad ??= import('plotly.js-dist-min').then((mod) => mod.default);
  return plotlyLoad;
}

const CONFIG: Partial<Config> = {
  displaylogo: false,
  responsive: true,
  modeBarButtonsToRemove: ['select2d', 'lasso2d'],
};

/** Draws traces with plotly into a div, redrawing in place when they change. */
export function PlotlyChart({ traces, layout, label }: { traces: Data[]; layout: Partial<Layout>; label: string }): JSX.Element {
  const ref = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<string>();

  useEffect(() => {
    let live = true;
    loadPlotly()
      .then((Plotly) => (live && ref.current ? Plotly.react(ref.current, traces, layout, CONFIG) : undefined))
      .then(
        () => live && setFailure(undefined),
        (err: unknown) => live && setFailure(err instanceof Error ? err.message : String(err)),
      );
    return () => {
      live = false;
    };
  }, [traces, layout]);

  useEffect(() => {
    const div = ref.current;
    return () => {
      if (div && plotlyLoad) void plotlyLoad.then((Plotly) => Plotly.purge(div));
    };
  }, []);

  return (
    <>
      {failure && (
        <p className="preview-error-inline" role="alert">
          The chart could not be drawn: {failure}
        </p>
      )}
      <div ref={ref} className="chart-plot" role="img" aria-label={label} />
    </>
  );
}
