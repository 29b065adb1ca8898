// What the builds' `manualChunks` functions need of rollup's module graph (rollup.config.mjs,
// rollup.extension.mjs).

/**
 * Every module the modules `from` import statically, at any depth (`from` included), and the
 * modules those import with `import()` (`later`).
 */
export function reachable(from, getModuleInfo) {
  const seen = new Set();
  const later = new Set();
  const visit = (id) => {
    if (seen.has(id)) return;
    seen.add(id);
    const info = getModuleInfo(id);
    for (const imported of info?.importedIds ?? []) visit(imported);
    for (const imported of info?.dynamicallyImportedIds ?? []) later.add(imported);
  };
  for (const id of from) visit(id);
  return { seen, later };
}

/**
 * `compute(getModuleInfo)`, worked out once per build: each build (and each rebuild under
 * --watch) has its own getModuleInfo, and `manualChunks` is called once per module.
 */
export function oncePerBuild(compute) {
  let computedWith = null;
  let value;
  return (getModuleInfo) => {
    if (computedWith !== getModuleInfo) {
      computedWith = getModuleInfo;
      value = compute(getModuleInfo);
    }
    return value;
  };
}
