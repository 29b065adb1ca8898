// Loads the benchmark named by `?bench=` (test/bench/<name>.js), which sets `window.bench`. Other
// query parameters are the benchmark's own (e.g. `n`, how many numbers).
const name = new URLSearchParams(location.search).get('bench') ?? '';
if (!/^[a-z-]+$/.test(name)) throw new Error(`No benchmark named ${JSON.stringify(name)}.`);
await import(`./${name}.js`);
