#!/usr/bin/env node
// The Spark tier (npm run test:spark) runs the PySpark jobs `wrangle pyspark` writes on a real local Spark. It needs
// python3 (skipped with a line saying so where there is none), PySpark from PyPI in the project-local virtual
// environment .venv-spark/ (created, or refreshed when requirements-spark.txt changes), and Java (Debian's
// openjdk-17-jre-headless, installed with apt when missing, which needs root, as CI and the development machines have).
import { execFileSync, execSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SPARK_VENV = join(root, '.venv-spark');
export const SPARK_PYTHON = join(SPARK_VENV, 'bin', 'python');
const requirements = join(root, 'requirements-spark.txt');
const stamp = join(SPARK_VENV, 'requirements-spark.txt');

const works = (command, args) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;

/** True when the tier can run; false (with the reason printed) when python3 is missing. */
export function ensureSpark() {
  if (!works('python3', ['--version'])) {
    console.log('Spark tier skipped: python3 is missing (install Python 3.9 or newer to run it).');
    return false;
  }
  if (!works('java', ['-version'])) {
    if (process.getuid?.() !== 0) {
      console.error('java is missing. Install a JDK 17 (sudo apt-get install openjdk-17-jre-headless) and run the tests again.');
      process.exit(1);
    }
    console.log("java is missing: installing Debian's openjdk-17-jre-headless with apt-get …");
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless', { stdio: 'inherit' });
  }
  const wanted = readFileSync(requirements, 'utf8');
  if (!existsSync(SPARK_PYTHON) || !existsSync(stamp) || readFileSync(stamp, 'utf8') !== wanted) {
    console.log('Installing PySpark into .venv-spark/ (requirements-spark.txt) …');
    if (!existsSync(SPARK_PYTHON)) execFileSync('python3', ['-m', 'venv', SPARK_VENV], { stdio: 'inherit' });
    execFileSync(SPARK_PYTHON, ['-m', 'pip', 'install', '-q', '-r', requirements], { stdio: 'inherit' });
    writeFileSync(stamp, wanted);
  }
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureSpark();
