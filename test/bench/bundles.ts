import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { routeGroupEntry } from '../../infra/constructs/route-group-entry';
import { PROJECT_ROOT } from '../../infra/local/paths';
import { queueDefinitions, streamConsumers } from '../../shared/queues/definition';
import { allRoutes, defaultRouteHandler } from '../../shared/routes/manifest';
import { allePaginas } from '../../shared/web/paginas';
import { paginagroepen, paginagroepId } from '../../infra/stacks/portaal-stack';
import type { RouteDefinition } from '../../shared/routes/route';

export type FunctionKind = 'api' | 'pagina' | 'default' | 'queue' | 'stream' | 'cognito' | 'baseline';

/** One deployable function, as the stacks derive it from the manifest and the definitions. */
export interface BenchFunction {
  readonly name: string;
  readonly kind: FunctionKind;
  /** Relative to the project root, as the manifest names it. */
  readonly entry: string;
  readonly route?: RouteDefinition;
}

export const BASELINE_ENTRY = 'test/bench/fixtures/minimal-handler.ts';
const TOKEN_CLAIMS_ENTRY = 'functions/auth/token-claims.ts';

/**
 * Read from the same sources the stacks read (manifest, queue and stream definitions), so a new route or
 * consumer is benchmarked without touching the bench. The Cognito trigger has no definition file; it is
 * included when its module exists.
 */
export const benchFunctions = (): BenchFunction[] => {
  const fns: BenchFunction[] = [
    ...allRoutes.map((route) => ({ name: route.operationId, kind: 'api' as const, entry: route.handler, route })),
    { name: 'nietGevonden ($default)', kind: 'default', entry: defaultRouteHandler },
    // The portal: one function per page module, as infra/stacks/portaal-stack.ts deploys them.
    ...[...paginagroepen(allePaginas)].map(([entry, paginas]) => ({ name: `portaal ${paginagroepId(entry)} (${paginas.length} pagina's)`, kind: 'pagina' as const, entry })),
    ...Object.values(queueDefinitions).map((q) => ({ name: `${q.name} (SQS)`, kind: 'queue' as const, entry: q.consumer })),
    ...Object.values(streamConsumers).map((s) => ({ name: `${s.name} (stream)`, kind: 'stream' as const, entry: s.handler })),
  ];
  if (existsSync(join(PROJECT_ROOT, TOKEN_CLAIMS_ENTRY))) fns.push({ name: 'tokenClaims (Cognito)', kind: 'cognito', entry: TOKEN_CLAIMS_ENTRY });
  fns.push({ name: 'baseline (1 GetItem)', kind: 'baseline', entry: BASELINE_ENTRY });
  return fns;
};

// ---------------------------------------------------------------------------------------------------
// Bundling options: the construct's own WERKCOOP_BUNDLING (aws-cdk-lib BundlingOptions), translated to
// esbuild options the way aws-cdk-lib's NodejsFunction turns them into esbuild arguments
// (aws-lambda-nodejs/lib/bundling.js: --bundle --target --platform=node --format --outfile=index.mjs
// --minify --sourcemap[=mode] --sources-content --external --loader --define --log-level --keep-names
// --tsconfig --metafile --banner:js --footer:js --main-fields --inject; --charset).
// Imported lazily: the construct module pulls in aws-cdk-lib (~2 s, ~80 MB), which must not land in the
// runtime memory sampled before bundling. If it cannot be imported (someone is editing it), the options
// last mirrored from it are used, with a warning.
// ---------------------------------------------------------------------------------------------------

const CONSTRUCT_FILE = 'infra/constructs/werkcoop-function.ts';

/** The part of aws-cdk-lib's BundlingOptions that shapes a bundle's bytes; its enums are string enums. */
interface CdkBundling {
  readonly format?: string;
  readonly target?: string;
  readonly mainFields?: readonly string[];
  readonly minify?: boolean;
  readonly sourceMap?: boolean;
  readonly sourceMapMode?: string;
  readonly sourcesContent?: boolean;
  readonly banner?: string;
  readonly footer?: string;
  readonly externalModules?: readonly string[];
  readonly nodeModules?: readonly string[];
  readonly loader?: Readonly<Record<string, string>>;
  readonly define?: Readonly<Record<string, string>>;
  readonly logLevel?: string;
  readonly keepNames?: boolean;
  readonly tsconfig?: string;
  readonly metafile?: boolean;
  readonly inject?: readonly string[];
  readonly charset?: string;
}
const TRANSLATED = new Set<string>([
  'format', 'target', 'mainFields', 'minify', 'sourceMap', 'sourceMapMode', 'sourcesContent', 'banner', 'footer',
  'externalModules', 'nodeModules', 'loader', 'define', 'logLevel', 'keepNames', 'tsconfig', 'metafile', 'inject', 'charset',
]);
/** Options that change how or where a bundle is built, not what is in it. */
const NO_EFFECT_ON_BYTES = new Set<string>([
  'commandHooks', 'forceDockerBundling', 'dockerImage', 'environment', 'assetHash', 'buildArgs', 'bundlingFileAccess',
  'network', 'securityOpt', 'user', 'volumes', 'workingDirectory', 'esbuildVersion', 'dockerRunArgs',
]);

/** Fallback only: WERKCOOP_BUNDLING as it was when the bench was written (enum values as their strings). */
const MIRRORED_BUNDLING: CdkBundling = {
  format: 'esm',
  target: 'node22',
  mainFields: ['module', 'main'],
  minify: true,
  sourceMap: true,
  sourceMapMode: 'default',
  sourcesContent: false,
  banner: "import { createRequire as __werkcoopCreateRequire } from 'node:module'; const require = __werkcoopCreateRequire(import.meta.url);",
  externalModules: [],
  metafile: true,
  logLevel: 'warning',
};
const MIRRORED_RUNTIME = 'nodejs22.x';
const MIRRORED_NODE_OPTIONS = '--enable-source-maps';

export interface Bundling {
  /** 'construct': WERKCOOP_BUNDLING itself; 'mirror': the fallback copy above. */
  readonly source: 'construct' | 'mirror';
  readonly cdk: CdkBundling;
  /** Lambda runtime name, e.g. nodejs22.x (the default esbuild target derives from it). */
  readonly runtime: string;
  readonly warnings: readonly string[];
}

export const loadBundling = async (): Promise<Bundling> => {
  let cdk = MIRRORED_BUNDLING;
  let runtime = MIRRORED_RUNTIME;
  let source: Bundling['source'] = 'mirror';
  const warnings: string[] = [];
  try {
    const construct = (await import('../../infra/constructs/werkcoop-function')) as Record<string, unknown>;
    const exported = construct.WERKCOOP_BUNDLING as CdkBundling | undefined;
    if (!exported) throw new Error('it no longer exports WERKCOOP_BUNDLING');
    cdk = exported;
    source = 'construct';
    runtime = (construct.RUNTIME as { name?: string } | undefined)?.name ?? MIRRORED_RUNTIME;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    warnings.push(`could not import WERKCOOP_BUNDLING from ${CONSTRUCT_FILE} (${reason}): bundles are built with the options last mirrored from it, which may be stale.`);
  }
  for (const key of Object.keys(cdk)) {
    if (!TRANSLATED.has(key) && !NO_EFFECT_ON_BYTES.has(key))
      warnings.push(`bundling.${key} is set in the construct but not translated by test/bench/bundles.ts: the bench's bundles may differ from the deployed ones.`);
  }
  if (cdk.nodeModules?.length) warnings.push(`bundling.nodeModules (${cdk.nodeModules.join(', ')}) are installed beside the bundle: the asset is bigger than the bundle.`);
  return { source, cdk, runtime, warnings: warnings.map((w) => `bundling: ${w}`) };
};

/**
 * All functions in one esbuild call: without code splitting esbuild still emits every entry as its own
 * self-contained bundle — byte-identical to one build per entry (checked when this was written) — but
 * parses the shared modules once, which halves the bundling time on a small machine. `[dir]/[name]/index`
 * keeps each output named index.mjs, as in the function's asset, so the sourceMappingURL comment matches.
 */
const esbuildOptions = (b: Bundling, entries: readonly string[], outdir: string): BuildOptions & { metafile: true } => {
  const { cdk } = b;
  const mapMode = cdk.sourceMapMode ?? (cdk.sourceMap ? 'default' : undefined);
  return {
    absWorkingDir: PROJECT_ROOT,
    entryPoints: [...entries],
    outdir,
    outbase: PROJECT_ROOT,
    entryNames: '[dir]/[name]/index',
    ...(cdk.format === 'esm' ? { outExtension: { '.js': '.mjs' } } : {}),
    bundle: true,
    // NodejsFunction derives the target from the runtime when none is given (nodejs22.x → node22).
    target: cdk.target ?? `node${/nodejs(\d+)/.exec(b.runtime)?.[1] ?? '22'}`,
    platform: 'node',
    ...(cdk.format ? { format: cdk.format as 'esm' | 'cjs' } : {}),
    minify: cdk.minify ?? false,
    ...(mapMode ? { sourcemap: mapMode === 'default' ? true : (mapMode as 'external' | 'inline' | 'both') } : {}),
    sourcesContent: cdk.sourcesContent ?? true,
    // NodejsFunction's default on SDK v3 runtimes leaves @aws-sdk/* out; werkcoop says [] (bundle it).
    external: [...(cdk.externalModules ?? ['@aws-sdk/*']), ...(cdk.nodeModules ?? [])],
    ...(cdk.loader ? { loader: cdk.loader as BuildOptions['loader'] } : {}),
    ...(cdk.define ? { define: { ...cdk.define } } : {}),
    logLevel: (cdk.logLevel as BuildOptions['logLevel']) ?? 'warning',
    ...(cdk.keepNames ? { keepNames: true } : {}),
    ...(cdk.tsconfig ? { tsconfig: cdk.tsconfig } : {}),
    // Always: sizes and contributors come from it (the construct asks for it too).
    metafile: true,
    ...(cdk.banner ? { banner: { js: cdk.banner } } : {}),
    ...(cdk.footer ? { footer: { js: cdk.footer } } : {}),
    ...(cdk.mainFields ? { mainFields: [...cdk.mainFields] } : {}),
    ...(cdk.inject ? { inject: [...cdk.inject] } : {}),
    ...(cdk.charset ? { charset: cdk.charset as 'utf8' | 'ascii' } : {}),
  };
};

const constructSource = (): string | undefined => {
  const file = join(PROJECT_ROOT, CONSTRUCT_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
};

/**
 * The NODE_OPTIONS every deployed function runs with (the construct sets --enable-source-maps, which
 * makes Node load the source map with the bundle), so the bench's child processes use the same. Read
 * from the construct's source: it is a literal in its environment block, not an export.
 */
export const productionNodeOptions = (): string =>
  /NODE_OPTIONS\s*:\s*'([^']*)'/.exec(constructSource() ?? '')?.[1] ?? MIRRORED_NODE_OPTIONS;

/** The construct's DEFAULT_MEMORY_MB (not exported either), for the memory table's "now" column. */
export const constructDefaultMemoryMb = (): number | undefined => {
  const m = /DEFAULT_MEMORY_MB\s*=\s*(\d+)/.exec(constructSource() ?? '');
  return m ? Number(m[1]) : undefined;
};

// ---------------------------------------------------------------------------------------------------

export interface Contributor {
  readonly name: string;
  readonly bytes: number;
}

export interface BuiltBundle {
  readonly fn: BenchFunction;
  readonly file: string;
  /** Minified output bytes of index.mjs, from the metafile. */
  readonly bytes: number;
  /** index.mjs.map, which is deployed too and read at init under --enable-source-maps. */
  readonly mapBytes: number;
  /** Output bytes per npm package (project code grouped as "werkcoop: <top folder>"), largest first. */
  readonly packages: readonly Contributor[];
  readonly inputFiles: number;
  /** The project's own modules in the bundle (paths from the root): what test/infra/bundels.test.ts checks. */
  readonly modules: readonly string[];
}

/** `node_modules/@aws-sdk/client-dynamodb/dist-es/x.js` → `@aws-sdk/client-dynamodb`; innermost node_modules wins. */
export const packageOf = (input: string): string => {
  const parts = input.split('/');
  const nm = parts.lastIndexOf('node_modules');
  if (nm === -1) return `werkcoop: ${parts.length > 1 ? parts[0] : input}`;
  const name = parts[nm + 1] ?? input;
  return name.startsWith('@') ? `${name}/${parts[nm + 2]}` : name;
};

/** The bundle at `file` (index.mjs) as the metafile describes it. */
const analyse = (fn: BenchFunction, file: string, metafile: Metafile): BuiltBundle => {
  const output = metafile.outputs[relative(PROJECT_ROOT, file)];
  if (!output) throw new Error(`metafile has no output ${relative(PROJECT_ROOT, file)} for ${fn.entry}`);
  const byPackage = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    byPackage.set(packageOf(input), (byPackage.get(packageOf(input)) ?? 0) + bytesInOutput);
  }
  const packages = [...byPackage].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
  return {
    fn,
    file,
    bytes: output.bytes,
    mapBytes: existsSync(`${file}.map`) ? statSync(`${file}.map`).size : 0,
    packages,
    inputFiles: Object.keys(output.inputs).length,
    modules: Object.keys(output.inputs).filter((input) => !input.includes('node_modules/')),
  };
};

/** One bundle per function under `outRoot`, at <entry without extension>/index.mjs (+ .map). */
export const buildBundles = async (bundling: Bundling, fns: readonly BenchFunction[], outRoot: string): Promise<BuiltBundle[]> => {
  const entries = [...new Set(fns.map((f) => f.entry))];
  const { metafile } = await build(esbuildOptions(bundling, entries, outRoot));
  return fns.map((fn) => analyse(fn, join(outRoot, fn.entry.replace(/\.[cm]?[jt]sx?$/, ''), 'index.mjs'), metafile));
};

/**
 * One bundle per function group, from the entry the stack deploys for it (infra/constructs/route-group-entry.ts):
 * its bytes and, through initTimes, its cold import — section 7 and goals 1 and 2 of the deployed granularity.
 */
export const buildGroupBundles = async (bundling: Bundling, groups: ReadonlyMap<string, readonly RouteDefinition[]>, outRoot: string): Promise<BuiltBundle[]> => {
  const entries = [...groups].map(([name, routes]) => ({ name, routes, file: routeGroupEntry(name, routes) }));
  const options = esbuildOptions(bundling, [], outRoot);
  const { metafile } = await build({ ...options, entryPoints: entries.map((e) => ({ in: e.file, out: e.name })), outbase: undefined, entryNames: 'groups/[name]/index' });
  return entries.map(({ name, routes }) =>
    analyse({ name: `group ${name}`, kind: 'api', entry: `(${routes.length} routes)` }, join(outRoot, 'groups', name, 'index.mjs'), metafile),
  );
};

/** Published figures (see ARCHITECTURE.md, Scale notes) put 124–215 KB bundles at ~180–230 ms init. */
export const BUNDLE_TARGET_BYTES = 250 * 1024;
