// Vite's `?url` import (an emitted asset's URL); vite/client types are not in this tsconfig.
declare module '*.wasm?url' {
  const url: string;
  export default url;
}
