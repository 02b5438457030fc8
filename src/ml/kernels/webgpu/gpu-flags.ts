/**
 * WebGPU's buffer-usage and map-mode bits, fixed by the specification. Spelled out here because the
 * `GPUBufferUsage`/`GPUMapMode` globals exist in browsers but not in every Node host, and src/ml must not depend on
 * the host having installed them.
 */
export const BufferUsage = {
  MAP_READ: 0x0001,
  COPY_SRC: 0x0004,
  COPY_DST: 0x0008,
  UNIFORM: 0x0040,
  STORAGE: 0x0080,
} as const;

export const MapMode = { READ: 0x0001 } as const;
