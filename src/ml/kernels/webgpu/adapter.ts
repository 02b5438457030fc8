/// <reference types="@webgpu/types" />

/** A GPU device to train on, or, when there is none, why not in words the studio and the CLI can show. */
export interface GpuDescription {
  device?: GPUDevice;
  reason?: string;
  /** Vendor, architecture and driver of the adapter, e.g. `google swiftshader (SwiftShader driver 5.0.0)`. */
  adapterInfo?: string;
  /** A software adapter (SwiftShader, llvmpipe): correct, but far slower than the CPU kernels. */
  software?: boolean;
}

/** Whether an adapter renders on the CPU. */
export function isSoftwareAdapter(info: GPUAdapterInfo | undefined, described: string): boolean {
  return (info as { isFallbackAdapter?: boolean } | undefined)?.isFallbackAdapter === true || /swiftshader|llvmpipe|lavapipe|software/i.test(described);
}

/**
 * Requests an adapter and a device from `gpu` (`navigator.gpu` in a browser, the `webgpu` package in Node). Asks for
 * the adapter's largest storage-buffer sizes, since a half-sweep's CSR goes into one binding where it fits.
 * Never throws: every failure becomes a `reason`.
 */
export async function describeGpu(gpu: GPU | undefined): Promise<GpuDescription> {
  if (!gpu) return { reason: 'no WebGPU in this browser' };
  let adapter: GPUAdapter | null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (e) {
    return { reason: `requesting a WebGPU adapter failed: ${messageOf(e)}` };
  }
  if (!adapter) return { reason: 'no adapter (navigator.gpu.requestAdapter returned null)' };
  const adapterInfo = describeAdapter(adapter.info);
  try {
    const device = await adapter.requestDevice({
      label: 'als',
      requiredLimits: {
        maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
        maxBufferSize: adapter.limits.maxBufferSize,
      },
    });
    return { device, adapterInfo, software: isSoftwareAdapter(adapter.info, adapterInfo) };
  } catch (e) {
    return { reason: `the adapter (${adapterInfo}) gave no device: ${messageOf(e)}`, adapterInfo };
  }
}

function describeAdapter(info: GPUAdapterInfo | undefined): string {
  if (!info) return 'unknown adapter';
  const name = [info.vendor, info.architecture, info.device].filter((s) => s).join(' ');
  const text = [name, info.description ? `(${info.description})` : ''].filter((s) => s).join(' ');
  return text || 'unnamed adapter';
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
