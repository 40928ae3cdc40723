// ESLint rule `layers/allowed-imports`: every layer names what it may import, and anything else fails.
// An allow-list (VS Code's layer rules, Signal's dependency classification) rather than a deny-list, so a
// new package or a new cross-layer import is a decision written into eslint.config.js, not an accident.
import { builtinModules } from 'node:module';
import path from 'node:path';

const BUILTINS = new Set(builtinModules);

/** `node:fs`, `fs`, `fs/promises` → true. */
export function isNodeBuiltin(specifier) {
  const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  return BUILTINS.has(bare) || BUILTINS.has(bare.split('/')[0]);
}

/** `react-dom/client` → `react-dom`; `@scope/pkg/sub?url` → `@scope/pkg`. */
export function packageName(specifier) {
  const clean = specifier.split('?')[0];
  const parts = clean.split('/');
  return clean.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const posix = (p) => p.split(path.sep).join('/');
const within = (file, folder) => file === folder || file.startsWith(`${folder}/`);

/**
 * The layer a file belongs to: the one whose folder holds it most closely (renderer/features/lane before
 * renderer). Files of no layer (tests, scripts, bench, config) are not checked.
 */
export function layerOf(layers, file) {
  let best;
  for (const layer of layers) {
    if (within(file, layer.folder) && (!best || layer.folder.length > best.folder.length)) best = layer;
  }
  return best;
}

/** Why `specifier`, imported from `file` (both relative to the project root), is not allowed; undefined if it is. */
export function refusal(layers, file, specifier) {
  const layer = layerOf(layers, file);
  if (!layer) return undefined;
  const listed = `add it to the "${layer.folder}" layer in eslint.config.js if it belongs there`;
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const target = posix(path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier.split('?')[0])));
    if (within(target, layer.folder)) return undefined;
    const exception = (layer.exceptions ?? []).find((e) => within(file, e.file) && (e.folders ?? []).some((folder) => within(target, folder)));
    if (exception) return undefined;
    if (layer.folders.some((folder) => within(target, folder))) return undefined;
    return `${layer.folder} may not import ${target} (${layer.why}); ${listed}.`;
  }
  if (isNodeBuiltin(specifier)) {
    if (layer.node) return undefined;
    return `${layer.folder} may not import the Node built-in "${specifier}" (${layer.why}).`;
  }
  const name = packageName(specifier);
  if (layer.packages.some((allowed) => (allowed.endsWith('*') ? name.startsWith(allowed.slice(0, -1)) : allowed === name))) return undefined;
  const exception = (layer.exceptions ?? []).find((e) => within(file, e.file) && (e.packages ?? []).includes(name));
  if (exception) return undefined;
  return `${layer.folder} may not import the package "${name}" (${layer.why}); ${listed}.`;
}

export const allowedImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer imports only the folders and packages listed for it.' },
    schema: [{ type: 'object', properties: { root: { type: 'string' }, layers: { type: 'array' } }, required: ['root', 'layers'], additionalProperties: false }],
  },
  create(context) {
    const { root, layers } = context.options[0];
    const file = posix(path.relative(root, context.filename));
    if (!layerOf(layers, file)) return {};
    const check = (node, specifier) => {
      const message = refusal(layers, file, specifier);
      if (message) context.report({ node, message });
    };
    const literal = (node) => (node && node.type === 'Literal' && typeof node.value === 'string' ? node.value : undefined);
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression(node) {
        const specifier = literal(node.source) ?? (node.source.type === 'TemplateLiteral' && node.source.expressions.length === 0 ? node.source.quasis[0].value.cooked : undefined);
        if (specifier === undefined) context.report({ node, message: 'import() needs a literal module name here, so the layer rules can check it.' });
        else check(node.source, specifier);
      },
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && literal(node.arguments[0]) !== undefined) check(node.arguments[0], node.arguments[0].value);
      },
      TSImportType(node) {
        // typescript-eslint 8 names it `source`; older versions `argument` (a TSLiteralType).
        const argument = 'source' in node ? node.source : node.argument;
        const specifier = literal(argument?.type === 'TSLiteralType' ? argument.literal : argument);
        if (specifier !== undefined) check(node, specifier);
      },
    };
  },
};

export default { rules: { 'allowed-imports': allowedImports } };
