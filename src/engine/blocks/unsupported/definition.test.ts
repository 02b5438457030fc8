import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, runBlock, type TestDb } from '../../../testing/block-harness';
import { blockDefinition } from '../registry';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
  await db.sql('CREATE TABLE t AS SELECT 1 AS a');
});
afterAll(() => db.close());

describe('unsupported', () => {
  it('fails with E_UNSUPPORTED_STEP naming the original operator and the reason', async () => {
    const params = { operator: 'sagemaker.spark.custom_pandas_0.1', code: "df['a'] += 1", reason: 'pandas code cannot run in Wrangle' };
    await expect(runBlock(db, { kind: 'unsupported', params }, { in: 't' })).rejects.toMatchObject({
      code: 'E_UNSUPPORTED_STEP',
      message: expect.stringMatching(/sagemaker\.spark\.custom_pandas_0\.1 cannot run here: pandas code cannot run in Wrangle/),
    });
  });

  it('has the ports of the original step and keeps its settings verbatim', () => {
    const def = blockDefinition('unsupported');
    const params = def.params.parse({ operator: 'x.join', inputs: ['in1', 'in2'], outputs: ['Train', 'Test'], parameters: { deep: { list: [1, 'a'] } } });
    expect(def.inputs(params)).toEqual(['in1', 'in2']);
    expect(def.outputs(params)).toEqual(['Train', 'Test']);
    expect(params).toMatchObject({ parameters: { deep: { list: [1, 'a'] } } });
    expect(def.params.safeParse({ operator: '' }).success).toBe(false);
  });
});
