/// <reference types="@webgpu/types" />
import { existsSync, readdirSync } from 'node:fs';
import { constants, homedir } from 'node:os';
import { join } from 'node:path';
import { describeGpu, type GpuDescription } from '../ml/kernels/webgpu/adapter';

/** Debian's chromium ships SwiftShader (a Vulkan driver on the CPU) and its own Vulkan loader here. */
export const CHROMIUM_LIB_DIR = '/usr/lib/chromium';
export const SWIFTSHADER_ICD = join(CHROMIUM_LIB_DIR, 'vk_swiftshader_icd.json');
const CHROMIUM_VULKAN_LOADER = join(CHROMIUM_LIB_DIR, 'libvulkan.so.1');
// glibc's value; os.constants.dlopen does not list it.
const RTLD_NODELETE = 0x1000;

// dawn.node tears its instance down once the object from create() is collected, even while a device made from it
// is still in use (the process then aborts: https://issues.chromium.org/issues/387965810). Each instance is held
// here until its device is lost or destroyed.
const liveInstances = new Set<GPU>();

/** What this process changes so that Dawn finds a Vulkan driver; empty when the machine is already set up. */
export interface VulkanSetup {
  /** Set as VK_ICD_FILENAMES. */
  icd?: string;
  /** A Vulkan loader to load before Dawn looks for `libvulkan.so.1`, when the system has none. */
  loader?: string;
  /** No Vulkan driver is configured and chromium's SwiftShader is not installed. */
  noDriver?: boolean;
}

export interface Disk {
  exists(path: string): boolean;
  list(dir: string): string[];
}

const realDisk: Disk = {
  exists: existsSync,
  list: (dir) => {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  },
};

/**
 * Points Vulkan at chromium's SwiftShader only when nothing else is configured: VK_ICD_FILENAMES (and its newer
 * names) unset and no driver manifest in the loader's standard folders, so a real GPU driver always wins. Borrows
 * chromium's Vulkan loader (the standard Khronos one, which honours every driver setting) only when the system
 * has none.
 */
export function planVulkanSetup(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, disk: Disk = realDisk): VulkanSetup {
  if (platform !== 'linux') return {};
  const hasSystemLoader = libraryFolders(env).some((dir) => disk.exists(join(dir, 'libvulkan.so.1')));
  const loader = !hasSystemLoader && disk.exists(CHROMIUM_VULKAN_LOADER) ? { loader: CHROMIUM_VULKAN_LOADER } : {};
  if (env.VK_ICD_FILENAMES || env.VK_DRIVER_FILES || env.VK_ADD_DRIVER_FILES) return loader;
  if (icdFolders(env).some((dir) => disk.list(dir).some((name) => name.endsWith('.json')))) return loader;
  if (!disk.exists(SWIFTSHADER_ICD)) return { ...loader, noDriver: true };
  return { ...loader, icd: SWIFTSHADER_ICD };
}

/**
 * A WebGPU device for the CLI and the Node tests, from the `webgpu` package (Dawn), or the reason there is none.
 * Never throws: a missing package, driver or adapter each come back as a `reason`.
 */
export async function describeNodeGpu(): Promise<GpuDescription> {
  const setup = planVulkanSetup(process.env, process.platform);
  try {
    if (setup.loader) preloadVulkanLoader(setup.loader);
    if (setup.icd) process.env.VK_ICD_FILENAMES = setup.icd;
  } catch (e) {
    return { reason: `could not set up the Vulkan driver: ${e instanceof Error ? e.message : String(e)}` };
  }
  let gpu: GPU;
  try {
    const { create } = await import('webgpu');
    gpu = create([]);
  } catch (e) {
    return { reason: `the webgpu package is not available: ${e instanceof Error ? e.message : String(e)}` };
  }
  const found = await describeGpu(gpu);
  if (found.device) {
    liveInstances.add(gpu);
    void found.device.lost.then(() => liveInstances.delete(gpu));
  }
  if (!found.device && setup.noDriver) {
    return { ...found, reason: `${found.reason}; no Vulkan driver is configured (install chromium for its SwiftShader driver, or set VK_ICD_FILENAMES)` };
  }
  return found;
}

/**
 * Dawn opens `libvulkan.so.1` by name, and Debian's chromium keeps its loader in a private folder that the dynamic
 * linker does not search. Loading it first, never to be unloaded, lets Dawn's lookup find it among the loaded
 * libraries by its soname. Node's dlopen then reports that this is not an addon, which is expected.
 */
function preloadVulkanLoader(path: string): void {
  try {
    process.dlopen({ exports: {} }, path, constants.dlopen.RTLD_NOW | constants.dlopen.RTLD_GLOBAL | RTLD_NODELETE);
  } catch (e) {
    if (!(e instanceof Error && e.message.includes('did not self-register'))) throw e;
  }
}

function icdFolders(env: NodeJS.ProcessEnv): string[] {
  const config = (env.XDG_CONFIG_DIRS || '/etc/xdg').split(':');
  const data = (env.XDG_DATA_DIRS || '/usr/local/share:/usr/share').split(':');
  const home = env.XDG_DATA_HOME || join(env.HOME || homedir(), '.local/share');
  return [...config, '/etc', ...data, home].map((dir) => join(dir, 'vulkan/icd.d'));
}

function libraryFolders(env: NodeJS.ProcessEnv): string[] {
  const fromEnv = (env.LD_LIBRARY_PATH ?? '').split(':').filter((dir) => dir);
  const arch = process.arch === 'arm64' ? 'aarch64-linux-gnu' : 'x86_64-linux-gnu';
  return [...fromEnv, `/lib/${arch}`, `/usr/lib/${arch}`, '/lib64', '/usr/lib64', '/lib', '/usr/lib', '/usr/local/lib'];
}
