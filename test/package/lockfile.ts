/**
 * A lockfile for a fresh host app, cut from the repository's own `package-lock.json`, so the app
 * installs with `npm ci --offline` from what the repository's `npm ci` put in the npm cache.
 *
 * Why not `npm install --offline react@… vite@…`: that resolves each name through its packument
 * (the registry's version list), and `npm ci` never caches packuments in the form `npm install`
 * asks for — on a machine whose cache was filled only by `npm ci` (CI's), it fails with ENOTCACHED.
 * `npm ci` from a lockfile needs only the tarballs, found in the cache by their integrity.
 */

/** One `packages` entry of a v3 lockfile (only the fields read here are named). */
export interface LockEntry {
  name?: string;
  version?: string;
  resolved?: string;
  integrity?: string;
  link?: boolean;
  dev?: boolean;
  optional?: boolean;
  devOptional?: boolean;
  peer?: boolean;
  license?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  engines?: Record<string, string>;
  [field: string]: unknown;
}

export interface Lockfile {
  name: string;
  version: string;
  lockfileVersion: number;
  requires?: boolean;
  packages: Record<string, LockEntry>;
}

/** Where Node's resolution finds `name` from the package at `from` (`''` is the root), in `packages`. */
function locate(packages: Record<string, LockEntry>, from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!base) return undefined;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut === -1 ? '' : base.slice(0, cut);
  }
}

/** The registry tarball URL of `name@version` (npm's layout). */
export function tarballUrl(registry: string, name: string, version: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return `${registry.replace(/\/+$/, '')}/${name}/-/${base}-${version}.tgz`;
}

/**
 * A copy of an entry as a production dependency of the app (the repo has most of them as dev),
 * with its `resolved` URL: the repository's lockfile leaves it out, and without it npm asks for the
 * packument to find the tarball, which an `npm ci` cache does not hold.
 */
function asProduction(location: string, entry: LockEntry, registry: string): LockEntry {
  const { dev: _dev, devOptional, peer: _peer, ...rest } = entry;
  const name = entry.name ?? location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length);
  const copy: LockEntry = {
    ...rest,
    ...(rest.resolved || !rest.version ? {} : { resolved: tarballUrl(registry, name, rest.version) }),
    ...(rest.optionalDependencies ? { optionalDependencies: { ...rest.optionalDependencies } } : {}),
  };
  return devOptional || entry.optional ? { ...copy, optional: true } : copy;
}

/**
 * The closure of `roots` (names resolved from the repository root) in the repository's lockfile:
 * every package they need at run time — dependencies, optional dependencies (platform packages
 * npm skips where they do not fit) and required peers — at the same place in the tree.
 *
 * @throws Error when a required dependency is missing from the repository's lockfile.
 */
export function closure(repo: Lockfile, roots: readonly string[], registry: string): Record<string, LockEntry> {
  const picked: Record<string, LockEntry> = {};
  const queue: Array<{ from: string; name: string; optional: boolean }> = roots.map((name) => ({ from: '', name, optional: false }));
  for (let item = queue.shift(); item; item = queue.shift()) {
    const at = locate(repo.packages, item.from, item.name);
    if (!at) {
      if (item.optional) continue;
      throw new Error(`${item.name} (needed by ${item.from || 'the app'}) is not in the repository's package-lock.json`);
    }
    if (picked[at]) continue;
    const entry = repo.packages[at];
    if (!entry) continue;
    if (entry.link) throw new Error(`${at} is a link; the app cannot install it from the cache`);
    const copy = asProduction(at, entry, registry);
    picked[at] = copy;
    for (const name of Object.keys(entry.dependencies ?? {})) queue.push({ from: at, name, optional: false });
    for (const name of Object.keys(entry.optionalDependencies ?? {})) {
      if (locate(repo.packages, at, name)) queue.push({ from: at, name, optional: true });
      // An optional dependency the repository's lockfile left out (none of its platforms here):
      // leave it out of the app's lockfile too, or `npm ci` finds the two out of sync.
      else if (copy.optionalDependencies) delete copy.optionalDependencies[name];
    }
    for (const name of Object.keys(entry.peerDependencies ?? {})) {
      // Optional peers (vite's sass, less, …) are not installed unless someone else needs them.
      if (!entry.peerDependenciesMeta?.[name]?.optional) queue.push({ from: at, name, optional: false });
    }
  }
  return picked;
}

/** Exact versions of `names` in the repository's lockfile, as `dependencies` of the app. */
export function pinned(repo: Lockfile, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    names.map((name) => {
      const version = repo.packages[`node_modules/${name}`]?.version;
      if (!version) throw new Error(`${name} is not in the repository's package-lock.json`);
      return [name, version];
    }),
  );
}

/** The tarball's own entry: a `file:` dependency of the app. */
export interface TarballDependency {
  /** Path of the tarball relative to the app, e.g. `mfa-kit-0.1.0.tgz`. */
  file: string;
  integrity: string;
  manifest: { name: string; version: string; license?: string; dependencies?: Record<string, string>; peerDependencies?: Record<string, string>; engines?: Record<string, string> };
}

/**
 * The app's `package.json` and `package-lock.json`: `packages` pinned to the repository's versions,
 * plus the tarball, with everything they need from the repository's lockfile.
 */
export function hostAppLock(repo: Lockfile, appName: string, packages: readonly string[], tarball: TarballDependency, registry: string): { manifest: Record<string, unknown>; lock: Lockfile } {
  const { manifest: pkg } = tarball;
  const dependencies = { ...pinned(repo, packages), [pkg.name]: `file:${tarball.file}` };
  const runtime = Object.keys(pkg.dependencies ?? {});
  const lock: Lockfile = {
    name: appName,
    version: '0.0.0',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: appName, version: '0.0.0', dependencies },
      ...closure(repo, [...packages, ...runtime], registry),
      [`node_modules/${pkg.name}`]: {
        version: pkg.version,
        resolved: `file:${tarball.file}`,
        integrity: tarball.integrity,
        ...(pkg.license ? { license: pkg.license } : {}),
        ...(pkg.dependencies ? { dependencies: pkg.dependencies } : {}),
        ...(pkg.peerDependencies ? { peerDependencies: pkg.peerDependencies } : {}),
        ...(pkg.engines ? { engines: pkg.engines } : {}),
      },
    },
  };
  return { manifest: { name: appName, version: '0.0.0', private: true, type: 'module', dependencies }, lock };
}
