/// <reference types="@webgpu/types" />
import { fail } from '../../../engine/errors/catalog';
import type { SolveJob } from '../kernel';
import { BufferUsage } from './gpu-flags';

/**
 * Rows [rowStart, rowEnd) of a CSR matrix whose entries fit one storage binding. `indptr` holds the segment's
 * rowEnd − rowStart + 1 offsets unchanged (absolute); `entryBase` = indptr[rowStart] rebases them in the shader.
 */
export interface CsrSegment {
  rowStart: number;
  rowEnd: number;
  entryBase: number;
  indptr: GPUBuffer;
  indices: GPUBuffer;
  values: GPUBuffer;
}

export interface CsrOnGpu {
  readonly indices: Int32Array;
  readonly values: Float64Array;
  readonly segments: CsrSegment[];
}

/** Splits rows into runs whose indptr, indices and values each fit `maxBindingBytes`. */
export function planSegments(indptr: Int32Array, maxBindingBytes: number): Array<[number, number]> {
  const rows = indptr.length - 1;
  const maxItems = Math.floor(maxBindingBytes / 4);
  const runs: Array<[number, number]> = [];
  let start = 0;
  while (start < rows) {
    let end = start;
    // indptr needs (rows + 1) slots, so a run holds at most maxItems − 1 rows.
    while (end < rows && end - start < maxItems - 1 && indptr[end + 1]! - indptr[start]! <= maxItems) end++;
    if (end === start) {
      fail('E_GPU_LIMIT', { what: `row ${start} of the ratings (${indptr[start + 1]! - indptr[start]!} entries)`, need: (indptr[start + 1]! - indptr[start]!) * 4, limit: maxBindingBytes });
    }
    runs.push([start, end]);
    start = end;
  }
  return runs;
}

/** A storage buffer holding `data` (at least 4 bytes: an empty binding is invalid). */
export function storageBuffer(device: GPUDevice, data: Int32Array | Float32Array, label: string): GPUBuffer {
  const buffer = device.createBuffer({ label, size: Math.max(4, data.byteLength), usage: BufferUsage.STORAGE | BufferUsage.COPY_DST });
  if (data.byteLength > 0) device.queue.writeBuffer(buffer, 0, data.buffer, data.byteOffset, data.byteLength);
  return buffer;
}

/**
 * The CSR arrays uploaded once and kept while the trainer keeps passing the same arrays: keyed on the indptr
 * Int32Array object, checked against indices and values by identity. A few matrices are kept (the two sides of a
 * training run, or of a cross-validation fold); the least recently used beyond that is freed.
 */
export class CsrCache {
  private readonly entries = new Map<Int32Array, CsrOnGpu>();

  constructor(
    private readonly device: GPUDevice,
    private readonly maxBindingBytes: number,
    private readonly capacity = 4,
  ) {}

  get(job: SolveJob): CsrOnGpu {
    const hit = this.entries.get(job.indptr);
    if (hit && hit.indices === job.indices && hit.values === job.values) {
      this.entries.delete(job.indptr);
      this.entries.set(job.indptr, hit);
      return hit;
    }
    if (hit) this.drop(job.indptr, hit);
    const fresh = this.upload(job);
    this.entries.set(job.indptr, fresh);
    for (const [key, old] of this.entries) {
      if (this.entries.size <= this.capacity) break;
      this.drop(key, old);
    }
    return fresh;
  }

  clear(): void {
    for (const [key, entry] of this.entries) this.drop(key, entry);
  }

  private upload(job: SolveJob): CsrOnGpu {
    const { indptr, indices, values } = job;
    const segments = planSegments(indptr, this.maxBindingBytes).map(([rowStart, rowEnd]): CsrSegment => {
      const lo = indptr[rowStart]!;
      const hi = indptr[rowEnd]!;
      return {
        rowStart,
        rowEnd,
        entryBase: lo,
        indptr: storageBuffer(this.device, indptr.subarray(rowStart, rowEnd + 1), 'csr indptr'),
        indices: storageBuffer(this.device, indices.subarray(lo, hi), 'csr indices'),
        values: storageBuffer(this.device, Float32Array.from(values.subarray(lo, hi)), 'csr values'),
      };
    });
    return { indices, values, segments };
  }

  private drop(key: Int32Array, entry: CsrOnGpu): void {
    this.entries.delete(key);
    for (const s of entry.segments) {
      s.indptr.destroy();
      s.indices.destroy();
      s.values.destroy();
    }
  }
}
