import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** One piece of visible English that does not go through t(). */
export interface Finding {
  file: string;
  line: number;
  text: string;
  why: string;
}

/** Props whose string value a person reads or hears. */
const TEXT_PROPS = new Set(['hint', 'caption', 'heading', 'legend', 'description', 'placeholder', 'title', 'aria-label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'aria-valuetext', 'alt', 'label', 'summary']);
/** Calls whose string arguments are for developers or machines, never shown as prose. */
const SILENT_CALLS = new Set(['Error', 'TypeError', 'RangeError', 'console.log', 'console.warn', 'console.error', 'console.info', 'console.debug', 'require', 'import', 't', 'i18n.t', 'useTranslation', 'querySelector', 'querySelectorAll', 'getElementById', 'addEventListener', 'removeEventListener', 'postMessage', 'setAttribute', 'getAttribute', 'matchMedia', 'createElement']);
/** Props that hold identifiers, CSS or test hooks. */
const CODE_PROPS = new Set(['className', 'data-testid', 'id', 'htmlFor', 'type', 'name', 'role', 'href', 'src', 'value', 'defaultValue', 'autoComplete', 'inputMode', 'pattern', 'accept', 'lang', 'dateTime', 'aria-keyshortcuts', 'aria-live', 'key', 'form', 'target', 'rel', 'method', 'dir', 'spellCheck', 'capture', 'step', 'min', 'max', 'stroke', 'fill', 'dataKey']);

const hasLetters = (text: string) => /\p{L}/u.test(text);
/**
 * A string literal that reads as English prose: two or more words, one of them a lower-case word of three
 * letters or more. "NOT OK", "HC1:", "KZ-UZ-TJ" and CSS class lists ("nav__item nav__item--active") stay out.
 */
export function looksLikeProse(text: string): boolean {
  const trimmed = text.trim();
  if (!/[A-Za-z]{2,}[ \u00a0]+[A-Za-z(]/.test(trimmed)) return false;
  if (!/\b[a-z]{3,}\b/.test(trimmed)) return false;
  if (/^[a-z0-9_-]+( [a-z0-9_-]+)*$/.test(trimmed) && /[-_]/.test(trimmed)) return false;
  return true;
}

function calleeName(node: ts.CallExpression | ts.NewExpression): string {
  const expr = node.expression;
  if (ts.isIdentifier(expr)) return expr.text;
  if (ts.isPropertyAccessExpression(expr)) {
    const left = ts.isIdentifier(expr.expression) ? `${expr.expression.text}.` : '';
    return SILENT_CALLS.has(`${left}${expr.name.text}`) ? `${left}${expr.name.text}` : expr.name.text;
  }
  return '';
}

/** Whether a literal sits somewhere its text is never shown: an import, a silent call, a code prop, a type. */
function isSilentPlace(node: ts.Node): boolean {
  for (let current: ts.Node = node; current.parent; current = current.parent) {
    const parent = current.parent;
    if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isImportTypeNode(parent)) return true;
    if (ts.isLiteralTypeNode(parent) || ts.isTypeNode(parent)) return true;
    if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && current !== parent.expression && SILENT_CALLS.has(calleeName(parent))) return true;
    if (ts.isJsxAttribute(parent)) return CODE_PROPS.has(parent.name.getText());
    if (ts.isPropertyAssignment(parent) && parent.name === current) return true;
    if (ts.isElementAccessExpression(parent) && parent.argumentExpression === current) return true;
    if (ts.isBinaryExpression(parent) && /^(===|!==|==|!=)$/.test(parent.operatorToken.getText())) return true;
    if (ts.isCaseClause(parent)) return true;
    if (ts.isStatement(parent) || ts.isJsxElement(parent)) return false;
  }
  return false;
}

/** Key names in <kbd> (F2, Enter, Esc, Alt+L) are printed on the keys themselves: the same in every language. */
const insideKbd = (node: ts.JsxText): boolean => ts.isJsxElement(node.parent) && node.parent.openingElement.tagName.getText() === 'kbd';

function scanFile(path: string, root: string, findings: Finding[]): void {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const add = (node: ts.Node, text: string, why: string) => {
    // JSX text starts at the end of the previous tag: count from its first visible character.
    const lead = ts.isJsxText(node) ? node.text.length - node.text.trimStart().length : 0;
    findings.push({ file: relative(root, path), line: source.getLineAndCharacterOfPosition(node.getStart(source) + lead).line + 1, text: text.trim(), why });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      if (hasLetters(node.text) && !insideKbd(node)) add(node, node.text, 'JSX text');
    } else if (ts.isJsxAttribute(node) && node.initializer && TEXT_PROPS.has(node.name.getText())) {
      const init = node.initializer;
      const literal = ts.isStringLiteral(init) ? init : ts.isJsxExpression(init) && init.expression && (ts.isStringLiteral(init.expression) || ts.isNoSubstitutionTemplateLiteral(init.expression)) ? init.expression : null;
      if (literal && hasLetters(literal.text)) add(node, literal.text, `${node.name.getText()} prop`);
      else if (ts.isJsxExpression(init) && init.expression && ts.isTemplateExpression(init.expression) && hasLetters(init.expression.head.text + init.expression.templateSpans.map((s) => s.literal.text).join(''))) {
        add(node, init.expression.getText(source), `${node.name.getText()} prop`);
      }
    } else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && looksLikeProse(node.text) && !isSilentPlace(node)) {
      if (!(ts.isJsxAttribute(node.parent) || (ts.isJsxExpression(node.parent) && ts.isJsxAttribute(node.parent.parent)))) add(node, node.text, 'string literal');
    } else if (ts.isTemplateExpression(node) && !isSilentPlace(node)) {
      const words = node.head.text + ' ' + node.templateSpans.map((span) => span.literal.text).join(' ');
      if (looksLikeProse(words)) add(node, node.getText(source), 'template literal');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
  }
}

export function findUntranslated(root: string, dir: string): Finding[] {
  const findings: Finding[] = [];
  for (const file of sourceFiles(join(root, dir))) scanFile(file, root, findings);
  return findings;
}
