import { describe, expect, it } from 'vitest';
import { planVulkanSetup, SWIFTSHADER_ICD, type Disk } from './webgpu-device';

const CHROMIUM_LOADER = '/usr/lib/chromium/libvulkan.so.1';

/** A machine described by the files it has; folders list the files directly inside them. */
function machine(files: string[]): Disk {
  return {
    exists: (path) => files.includes(path),
    list: (dir) => files.filter((f) => f.startsWith(`${dir}/`)).map((f) => f.slice(dir.length + 1)),
  };
}

const chromiumOnly = machine([SWIFTSHADER_ICD, CHROMIUM_LOADER]);
const env = { HOME: '/home/analyst' };

describe('choosing a Vulkan driver for the webgpu package', () => {
  it("uses chromium's SwiftShader and loader on a machine with nothing else", () => {
    expect(planVulkanSetup(env, 'linux', chromiumOnly)).toEqual({ icd: SWIFTSHADER_ICD, loader: CHROMIUM_LOADER });
  });

  it('keeps the system Vulkan loader when there is one', () => {
    const disk = machine([SWIFTSHADER_ICD, CHROMIUM_LOADER, '/usr/lib/x86_64-linux-gnu/libvulkan.so.1', '/usr/lib/aarch64-linux-gnu/libvulkan.so.1']);
    expect(planVulkanSetup(env, 'linux', disk)).toEqual({ icd: SWIFTSHADER_ICD });
  });

  it('leaves a driver the user or the system configured alone', () => {
    expect(planVulkanSetup({ ...env, VK_ICD_FILENAMES: '/opt/gpu/icd.json' }, 'linux', chromiumOnly)).toEqual({ loader: CHROMIUM_LOADER });
    expect(planVulkanSetup({ ...env, VK_DRIVER_FILES: '/opt/gpu/icd.json' }, 'linux', chromiumOnly).icd).toBeUndefined();
    const withNvidia = machine([SWIFTSHADER_ICD, CHROMIUM_LOADER, '/usr/share/vulkan/icd.d/nvidia_icd.json']);
    expect(planVulkanSetup(env, 'linux', withNvidia).icd).toBeUndefined();
    const inHome = machine([SWIFTSHADER_ICD, '/home/analyst/.local/share/vulkan/icd.d/lvp_icd.x86_64.json']);
    expect(planVulkanSetup(env, 'linux', inHome).icd).toBeUndefined();
  });

  it('says when there is no driver at all, and changes nothing off Linux', () => {
    expect(planVulkanSetup(env, 'linux', machine([]))).toEqual({ noDriver: true });
    expect(planVulkanSetup(env, 'darwin', chromiumOnly)).toEqual({});
  });
});
