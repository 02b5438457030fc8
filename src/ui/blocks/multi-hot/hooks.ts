import { isTextType } from '../column-guess';
import type { BlockHooks } from '../form-types';

/** The text column whose frequent values hold the delimiter (`Comedy|Drama`), or one named like a list of labels. */
export const multiHotHooks: BlockHooks<'multi-hot'> = {
  async suggest({ columns, profile }, params) {
    const text = (columns.in ?? []).filter((c) => isTextType(c.type));
    const profiled = await profile('in');
    const delimited = profiled?.columns.find((c) => isTextType(c.type) && c.top.some((t) => t.value.includes(params.delimiter)));
    const named = text.find((c) => /genre|tag|categor|label|keyword/i.test(c.name));
    const column = delimited?.name ?? named?.name;
    return column ? { column } : undefined;
  },
  describe: (params) => `Multi-hot ${params.column}`,
};
