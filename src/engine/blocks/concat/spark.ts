import { pyString, pyStrings, type SparkEmitter } from '../../spark/contract';
import { concatPorts } from './definition';

type ConcatParams = { inputs: number; distinct: boolean; sourceColumn?: string | undefined };

/** Concatenate by name: columns in order of first appearance, a column missing from an input NULL there. */
export const concatSpark: SparkEmitter<ConcatParams> = ({ params: p, inputs }) => {
  const ports = concatPorts(p.inputs);
  const frames = `[${ports.map((port) => inputs[port]).join(', ')}]`;
  const body = [`frames = ${frames}`];
  if (p.sourceColumn !== undefined) {
    body.push(`frames = [f.withColumn(${pyString(p.sourceColumn)}, F.lit(port)) for f, port in zip(frames, ${pyStrings(ports)})]`);
  }
  body.push('result = frames[0]', 'for f in frames[1:]:', '    result = result.unionByName(f, allowMissingColumns=True)');
  if (p.distinct) body.push('result = result.distinct()');
  if (p.sourceColumn !== undefined) {
    body.push(
      '# The source column goes last, after every input column.',
      `result = result.select(*[col(c) for c in result.columns if c != ${pyString(p.sourceColumn)}], col(${pyString(p.sourceColumn)}))`,
    );
  }
  body.push('return result');
  return { body };
};
