/**
 * Base85 as Python's `base64.b85encode` writes it: the RFC 1924 alphabet (not Ascii85 or Z85), each 5 characters
 * encoding 4 bytes big-endian, and a short last group padded with the highest digit before its extra bytes are cut.
 */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~';

const DIGIT = (() => {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

/** Decodes Python-style base85 text; throws with the position of the first character outside the alphabet. */
export function decodeBase85(text: string): Uint8Array {
  const clean = text.replace(/\s+/g, '');
  const padding = (5 - (clean.length % 5)) % 5;
  const out = new Uint8Array(((clean.length + padding) / 5) * 4);
  let o = 0;
  for (let i = 0; i < clean.length; i += 5) {
    let value = 0;
    for (let j = 0; j < 5; j++) {
      const at = i + j;
      const code = at < clean.length ? clean.charCodeAt(at) : 126; // '~', the padding digit
      const digit = code < 128 ? DIGIT[code]! : -1;
      if (digit < 0) throw new Error(`not base85: character ${JSON.stringify(clean[at])} at position ${at + 1}`);
      value = value * 85 + digit;
    }
    if (value > 0xffffffff) throw new Error(`not base85: the group at position ${i + 1} is too large`);
    out[o++] = (value >>> 24) & 0xff;
    out[o++] = (value >>> 16) & 0xff;
    out[o++] = (value >>> 8) & 0xff;
    out[o++] = value & 0xff;
  }
  return out.subarray(0, out.length - padding);
}
