// SQL migrations are bundled as text (esbuild loader / vitest plugin), so they ship inside the app.
declare module '*.sql' {
  const sql: string;
  export default sql;
}

// Stylesheets are bundled by Vite; importing one only has a side effect.
declare module '*.css';
