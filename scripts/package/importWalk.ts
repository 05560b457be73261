// Follows every import and require from the app's entry files inside an unpacked app.asar, the way
// Node would resolve them there (so nothing can come from the developer's node_modules).
import { readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

/** Optional add-ons a package tries and does without (ws's native speed-ups). */
const OPTIONAL = new Set(['bufferutil', 'utf-8-validate']);

export interface WalkResult {
  files: Set<string>;
  packages: Set<string>;
  unresolved: string[];
  optionalMissing: string[];
}

function isCommonJs(file: string): boolean {
  if (file.endsWith('.cjs')) return true;
  if (file.endsWith('.mjs')) return false;
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const type = (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: string }).type;
      return type !== 'module';
    }
    if (dirname(dir) === dir) return true;
  }
}

/** The package a file belongs to ("@scope/name" or "name", by its node_modules path). */
export function packageOf(root: string, file: string): string | undefined {
  const parts = relative(root, file).split(sep);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return undefined;
  const name = parts[at + 1] ?? '';
  return name.startsWith('@') ? `${name}/${parts[at + 2] ?? ''}` : name;
}

async function resolveEsm(fromDir: string, specifier: string): Promise<string> {
  const probe = join(fromDir, `.resolve-probe-${process.pid}.mjs`);
  writeFileSync(probe, 'export default (s) => import.meta.resolve(s);\n');
  try {
    const resolver = (await import(`${pathToFileURL(probe).href}?${Math.random()}`)) as {
      default: (s: string) => string;
    };
    return fileURLToPath(resolver.default(specifier));
  } finally {
    rmSync(probe, { force: true });
  }
}

export async function walkImports(root: string, entries: string[]): Promise<WalkResult> {
  const result: WalkResult = { files: new Set(), packages: new Set(), unresolved: [], optionalMissing: [] };
  const queue = entries.map((e) => resolve(root, e));
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (result.files.has(file)) continue;
    result.files.add(file);
    const own = packageOf(root, file);
    if (own) result.packages.add(own);
    if (!/\.(c|m)?js$/u.test(file)) continue;
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName: specifier } of info.importedFiles) {
      if (specifier === 'electron' || isBuiltin(specifier)) continue;
      try {
        const target = isCommonJs(file)
          ? createRequire(file).resolve(specifier)
          : await resolveEsm(dirname(file), specifier);
        if (!target.startsWith(root + sep)) throw new Error(`resolved outside the package: ${target}`);
        queue.push(target);
      } catch (error) {
        const name = specifier.split('/')[0] ?? specifier;
        if (OPTIONAL.has(name)) result.optionalMissing.push(specifier);
        else result.unresolved.push(`${relative(root, file)} → ${specifier} (${String(error).slice(0, 160)})`);
      }
    }
  }
  return result;
}
