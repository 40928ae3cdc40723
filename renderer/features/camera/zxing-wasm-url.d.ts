// Vite's `?url` import of zxing-wasm's .wasm: the URL of the copy Vite emits into the app's own assets.
declare module 'zxing-wasm/reader/zxing_reader.wasm?url' {
  const url: string;
  export default url;
}
