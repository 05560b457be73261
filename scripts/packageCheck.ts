// npm run package:check: builds the Linux package with electron-builder (--dir) against a stand-in for
// Electron's distribution (its zip cannot be downloaded here), then proves what went into app.asar:
// the fuses were set, every module the main process and preload import resolves inside it, nothing
// else is packed, and the packaged engine logs in to a real Prosody in plain Node.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import asar from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { packageOf, walkImports } from './package/importWalk.ts';
import { loginWithPackagedEngine } from './package/packagedLogin.ts';

const ROOT = join(import.meta.dirname, '..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const builderConfig = JSON.parse(readFileSync(join(ROOT, 'electron-builder.json'), 'utf8')) as {
  electronFuses: Record<string, boolean>;
};
const problems: string[] = [];
const check = (ok: boolean, problem: string): void => {
  if (!ok) problems.push(problem);
};

/** A folder shaped like Electron's Linux zip: a placeholder binary carrying a fuse wire (all on). */
function standInDistribution(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const script = Buffer.from('#!/bin/sh\necho "placeholder for the Electron binary (package check)"\nexit 1\n');
  const wire = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from('11111111')]);
  writeFileSync(join(dir, 'electron'), Buffer.concat([script, wire]), { mode: 0o755 });
  writeFileSync(join(dir, 'version'), manifest.devDependencies.electron?.replace(/^[~^]/u, '') ?? '');
  writeFileSync(join(dir, 'LICENSE'), '');
}

function findPackageJson(app: string, name: string): string | undefined {
  const top = join(app, 'node_modules', name, 'package.json');
  return existsSync(top) ? top : undefined;
}

const work = mkdtempSync(join(tmpdir(), 'jabberdesk-package-'));
try {
  if (!existsSync(join(ROOT, 'dist', 'electron', 'main.js'))) throw new Error('Run `npm run build` first');
  const electronVersion = manifest.devDependencies.electron?.replace(/^[~^]/u, '') ?? '';
  standInDistribution(join(work, 'electron-dist'));
  const started = Date.now();
  const build = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'electron-builder'),
    [
      '--linux',
      'dir',
      '--dir',
      `-c.electronDist=${join(work, 'electron-dist')}`,
      `-c.electronVersion=${electronVersion}`,
      `-c.directories.output=${join(work, 'release')}`,
    ],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ELECTRON_BUILDER_OFFLINE: '1' } },
  );
  if (build.status !== 0) throw new Error(`electron-builder failed:\n${build.stdout}\n${build.stderr}`);
  const unpacked = join(work, 'release', 'linux-unpacked');
  console.log(`electron-builder --dir: ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // The fuses of the hardening issue, flipped in the (stand-in) binary.
  const wire = await getCurrentFuseWire(join(unpacked, manifest.name));
  const fuseIndex: Record<string, FuseV1Options> = {
    runAsNode: FuseV1Options.RunAsNode,
    enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
    enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
    enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
    enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
    onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  };
  for (const [name, wanted] of Object.entries(builderConfig.electronFuses)) {
    const index = fuseIndex[name];
    const state = index === undefined ? undefined : (wire as unknown as Record<number, number>)[index];
    check(state === (wanted ? 49 : 48), `fuse ${name} should be ${wanted ? 'on' : 'off'} in the packaged binary`);
  }

  // What is inside app.asar, unpacked as Electron would see it.
  const app = join(work, 'app');
  asar.extractAll(join(unpacked, 'resources', 'app.asar'), app);
  const pkg = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as { main: string };
  for (const file of [pkg.main, 'dist/preload/preload.cjs', 'dist/renderer/index.html', 'assets/icons/tray-32.png'])
    check(existsSync(join(app, file)), `${file} is missing from app.asar`);
  for (const file of ['tray-unread-32.png', 'overlay-unread-32.png'])
    check(existsSync(join(app, 'assets', 'icons', file)), `assets/icons/${file} is missing from app.asar`);
  const walk = await walkImports(app, [pkg.main, 'dist/preload/preload.cjs']);
  for (const problem of walk.unresolved) problems.push(`does not resolve inside app.asar: ${problem}`);

  // Packed but never loaded: bloat, or a dependency that belongs in devDependencies.
  const packed = new Set<string>();
  const collect = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const path = join(dir, entry.name);
      if (entry.name === 'node_modules') {
        for (const name of readdirSync(path)) {
          const names = name.startsWith('@') ? readdirSync(join(path, name)).map((n) => `${name}/${n}`) : [name];
          for (const n of names) {
            packed.add(packageOf(app, join(path, n, 'x')) ?? n);
            collect(join(path, n));
          }
        }
      } else collect(path);
    }
  };
  collect(app);
  // Packed and not imported is allowed only as a declared dependency of something imported (packages
  // load parts lazily); anything else came from a wrong "dependencies" entry.
  const declared = new Set(walk.packages);
  const pending = [...walk.packages];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    const path = findPackageJson(app, name);
    if (!path) continue;
    const meta = JSON.parse(readFileSync(path, 'utf8')) as { dependencies?: object; optionalDependencies?: object };
    for (const dep of Object.keys({ ...meta.dependencies, ...meta.optionalDependencies }))
      if (!declared.has(dep)) {
        declared.add(dep);
        pending.push(dep);
      }
  }
  const stray = [...packed].filter((p) => !declared.has(p)).sort();
  check(stray.length === 0, `packed, and neither imported nor needed by what is: ${stray.join(', ')}`);
  const lazy = [...packed].filter((p) => !walk.packages.has(p)).sort();
  for (const dependency of Object.keys(manifest.dependencies))
    check(walk.packages.has(dependency), `"${dependency}" is in dependencies but the main process never imports it`);

  console.log(
    `app.asar: ${walk.files.size} files reached from main and preload, ${walk.packages.size} packages` +
      (lazy.length ? `; also packed as their dependencies: ${lazy.join(', ')}` : '') +
      (walk.optionalMissing.length ? ` (optional, absent: ${[...new Set(walk.optionalMissing)].join(', ')})` : ''),
  );
  const login = await loginWithPackagedEngine(pathToFileURL(join(app, 'dist', 'electron', 'core', 'index.js')).href);
  console.log(`packaged engine: registered ${login.jid} and logged in to Prosody in ${login.ms} ms`);
} catch (error) {
  problems.push(error instanceof Error ? error.message : String(error));
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (problems.length > 0) {
  console.error(`package check failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log('package check passed');
