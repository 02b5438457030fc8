import { sharedKey } from '../column-guess';
import type { BlockHooks } from '../form-types';

/** The key both inputs plainly share, or nothing (the form asks); the title names the keys. */
export const joinHooks: BlockHooks<'join'> = {
  async suggest({ columns }, params) {
    if (params.type === 'cross' || params.keys.length > 0) return undefined;
    const key = sharedKey(columns.left ?? [], columns.right ?? []);
    return key ? { keys: [key] } : undefined;
  },
  describe(params) {
    if (params.type === 'cross') return 'Cross join';
    const names = [...new Set(params.keys.map((k) => (k.left === k.right ? k.left : `${k.left} = ${k.right}`)))];
    const how = params.type === 'inner' ? 'Join' : `${params.type[0]!.toUpperCase()}${params.type.slice(1)} join`;
    return names.length > 0 ? `${how} on ${names.join(', ')}` : undefined;
  },
};
