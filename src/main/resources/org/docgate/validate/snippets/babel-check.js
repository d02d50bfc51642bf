// docgate's JavaScript/TypeScript snippet parser: `node -e <this> <path of @babel/parser> <dialect>`, dialect
// javascript (JSX allowed), typescript or tsx. stdin: one JSON string per line (a snippet); stdout: one JSON line per
// snippet, in order: null (some reading parses), [line, column, message] (none does: the error of the reading that got
// furthest), or [line, column, message, "typescript"|"tsx"] (it parses only as that dialect: the line shows why).
// Nothing is executed: the parser only reads.
'use strict';
const parser = require(process.argv[1]);
const dialect = process.argv[2];

const OPTIONS = {
  errorRecovery: false,
  allowAwaitOutsideFunction: true,
  allowImportExportEverywhere: true,
  allowReturnOutsideFunction: true,
  allowSuperOutsideMethod: true,
  allowUndeclaredExports: true,
  allowNewTargetOutsideFunction: true,
};
// stage-4 and stage-3 syntax a current page may use; no proposal below stage 3 (broken code must not pass)
const MODERN = ['decorators-legacy', 'importAssertions', 'explicitResourceManagement', 'regexpUnicodeSets',
  'decoratorAutoAccessors', 'destructuringPrivate', 'importMeta', 'topLevelAwait'];
const PLUGINS = {
  javascript: ['jsx', ...MODERN],
  typescript: ['typescript', ...MODERN],
  tsx: ['jsx', 'typescript', ...MODERN],
  flow: ['jsx', 'flow', ...MODERN],
};

// The readings: a whole program (module, then script for sloppy-mode code), an expression shown alone (JSON, an
// object literal), a chain's steps (text that starts with `.name`), object members, class members, JSX siblings (only for text that starts with a tag), and for
// TypeScript interface members and a type. `wrap` puts the text inside, `pre` is how many characters come before it.
const READINGS = [
  {name: 'module', parse: (t, o) => parser.parse(t, {...o, sourceType: 'module'}), pre: 0},
  {name: 'script', parse: (t, o) => parser.parse(t, {...o, sourceType: 'script'}), pre: 0},
  {name: 'expression', parse: (t, o) => parser.parseExpression(t, {...o, sourceType: 'module'}), pre: 0},
  // a builder chain's next steps (`.andThen({...})`, VoltAgent's workflow pages): the receiver is left out on purpose
  {name: 'chain steps', when: t => /^\s*\.[A-Za-z_$]/.test(stripComments(t)),
    parse: (t, o) => parser.parse('_' + t, {...o, sourceType: 'module'}), pre: 1},
  {name: 'array elements', parse: (t, o) => parser.parseExpression('[' + t + '\n]', {...o, sourceType: 'module'}), pre: 1},
  {name: 'jsx lines', when: (t, p) => p.includes('jsx') && JSX_LINE_THEN_TAG.test(t),
    parse: (t, o) => parser.parse(t.replace(JSX_LINE_THEN_TAG, '$1;'), {...o, sourceType: 'module'}), pre: 0},
  {name: 'object members', parse: (t, o) => parser.parseExpression('({' + t + '\n})', {...o, sourceType: 'module'}), pre: 2},
  {name: 'class members', parse: (t, o) => parser.parseExpression('(class {' + t + '\n})', {...o, sourceType: 'module'}), pre: 8},
  {name: 'jsx siblings', when: (t, p) => p.includes('jsx') && /^\s*</.test(stripComments(t)),
    parse: (t, o) => parser.parseExpression('<>' + t + '\n</>', {...o, sourceType: 'module'}), pre: 2},
  // a "Function Signature" section's step with its parameters written as types (`.andAll({ id: string, retries?:
  // number })`, `.andAgent(prompt, agent, { schema }, map?)`, VoltAgent's workflow pages: NOFIX in round 43): the
  // arguments read as a tuple type. Never the reading an error is reported from.
  {name: 'call signature', quiet: true,
    when: (t, p, excerpts) => excerpts && p.includes('typescript') && signatureArgs(t) !== null,
    parse: (t, o) => parser.parse('type _ = [' + signatureArgs(t) + '\n]', {...o, sourceType: 'module'}), pre: 0},
  // an API section's call with its parameters written as TypeScript parameters (`useMount(fn: () => void);`, `const
  // result = useAntdTable<R, I>(asyncFn: (p: any) => Promise<R>, options?: Options<R, I>);`: every hook page of umijs
  // hooks, in ```javascript fences too; judged NOFIX 9 times in round 44): the argument lists read as an arrow
  // function's parameters, in TypeScript whatever the fence says. Never the reading an error is reported from.
  {name: 'typed call', quiet: true, when: (t, p, excerpts) => excerpts && typedCallsAsArrows(t) !== null,
    parse: (t, o) => parser.parse(typedCallsAsArrows(t), {...o, plugins: PLUGINS.typescript, sourceType: 'module'}),
    pre: 0},
  // a method's signature written as an arrow over its parameters' types (`addEdge = (object|Edge) => {}`, `on =
  // (string, function) => {}`: butterfly's API pages, round 47: NOFIX 4 times): the parameters read as a tuple type,
  // one line per signature. Never the reading an error is reported from.
  {name: 'signature arrows', quiet: true, when: (t, p, excerpts) => excerpts && signatureArrowTypes(t) !== null,
    parse: (t, o) => parser.parse('type _ = [' + signatureArrowTypes(t) + '\n]',
      {...o, plugins: PLUGINS.typescript, sourceType: 'module'}), pre: 0},
  // an object's shape written as a type literal, members one per line (`{\n  id: string // Route identifier\n  assets:
  // Record<string, string>\n}`: Next.js's adapter output types, antd's `{ icons: { flipYIcon: React.ReactNode; } }`,
  // round 45: NOFIX 4 times); a member typed with a type's name or a primitive type, since `{ a: 1 \n b: 2 }` is an
  // object missing a comma. Never the reading an error is reported from.
  {name: 'type literal', quiet: true,
    when: (t, p, excerpts) => excerpts && p.includes('typescript') && /^\s*\{/.test(stripComments(t)) && TYPED_MEMBER.test(t),
    parse: (t, o) => typeLiteralOnly(parser.parse('type _ = ' + t, {...o, sourceType: 'module'})), pre: 9},
  {name: 'interface members', when: (t, p, excerpts) => excerpts && p.includes('typescript'),
    parse: (t, o) => parser.parse('interface _ {' + t + '\n}', {...o, sourceType: 'module'}), pre: 13},
];

// a line that is one JSX element (`<A />`, `<a>x</a>`) followed by a line that starts with a tag
const JSX_LINE_THEN_TAG = /^(\s*<[A-Za-z][^\n]*(?:\/>|<\/[\w.:-]*>))[ \t]*(?=\n\s*<[A-Za-z])/gm;

// `name = (types) => {}` on a line of its own, and a parameter that only a type can be: a union, a capitalised name or a
// type's keyword (`string`, `function`), since `(scale) => {}` is JavaScript already.
const SIGNATURE_ARROW = /^\s*[A-Za-z_$][\w$.]*\s*=\s*\(([^()]*)\)\s*=>\s*\{\s*\}\s*;?\s*$/;
const TYPE_WORD = /\||\b(?:string|number|boolean|object|function|array|any)\b|(?:^|[\s,[])[A-Z]/;

// The parameter lists of a text whose every line of code is such a signature, joined as a tuple's members, or null.
function signatureArrowTypes(t) {
  const params = [];
  let typed = false;
  for (const line of t.split('\n')) {
    if (/^\s*(\/\/.*)?$/.test(line)) continue;
    const m = SIGNATURE_ARROW.exec(line);
    if (m === null) return null;
    typed = typed || TYPE_WORD.test(m[1]);
    if (m[1].trim() !== '') params.push(m[1].replace(/\bfunction\b/g, 'Function'));
  }
  return typed ? params.join(',\n') : null;
}

// The arguments of a text that is one chained call and nothing else (`.name(...)`, comments and a `;` after), or null.
function signatureArgs(t) {
  const call = /^\s*\.[A-Za-z_$][\w$]*\s*\(/.exec(stripComments(t));
  if (call === null) return null;
  const open = t.length - stripComments(t).length + call[0].length - 1;
  const close = t.lastIndexOf(')');
  if (close <= open || !/^\s*;?\s*(\/\/[^\n]*\s*)*$/.test(t.slice(close + 1))) return null;
  return t.slice(open + 1, close);
}

// A call's argument list that opens with a typed parameter (`name: Type`, `name?: () => void`, `...rest: any[]`): a
// type named with a capital, a function type or a primitive type, since `f(count: newCount)`, `f(a: 1)` and `f(o: {})`
// are objects without braces: the text with each such list `(args)` written `((args) => _)`, or null when it has none.
const CALL_OPEN = /[A-Za-z_$][\w$]*\s*(?:<[^()<>]*(?:<[^()<>]*>[^()<>]*)*>)?\s*\(/g;
// A type as a parameter or member starts it: a capitalised type name, a function type or a primitive type.
const TYPE_START = '(?:[A-Z(]|(?:string|number|boolean|any|unknown|void|object|never|bigint|symbol|undefined';
const TYPED_PARAMETER = new RegExp('^\\s*(?:\\.\\.\\.)?[A-Za-z_$][\\w$]*\\??\\s*:\\s*' + TYPE_START + '|keyof|typeof)\\b)');

// A member of a type literal typed so.
const TYPED_MEMBER = new RegExp('^\\s*[A-Za-z_$][\\w$]*\\??\\s*:\\s*' + TYPE_START + ')\\b)', 'm');

// The type literal reading's result, unless a member's type is a tuple or a number or boolean literal: `children:
// [Foo]` and `retries: 3` are values of an object missing a comma, not a shape (a review of round 45's change).
function typeLiteralOnly(ast) {
  const alias = ast.program.body[0];
  const members = alias && alias.typeAnnotation && alias.typeAnnotation.members || [];
  for (const m of members) {
    const type = m.typeAnnotation && m.typeAnnotation.typeAnnotation;
    if (type && (type.type === 'TSTupleType' || type.type === 'TSLiteralType'
        && typeof type.literal.value !== 'string')) {
      throw {pos: m.start, message: 'a value, not a type'};
    }
  }
  return ast;
}

function typedCallsAsArrows(t) {
  let out = '';
  let from = 0;
  let found = false;
  CALL_OPEN.lastIndex = 0;
  for (let m; (m = CALL_OPEN.exec(t)) !== null;) {
    const open = m.index + m[0].length - 1;
    const close = matching(t, open);
    if (close < 0 || !TYPED_PARAMETER.test(t.slice(open + 1, close))) continue;
    out += t.slice(from, open + 1) + '(' + t.slice(open + 1, close) + ') => _';
    from = close;
    found = true;
    CALL_OPEN.lastIndex = close;
  }
  return found ? out + t.slice(from) : null;
}

/** The index of the bracket that closes the one at `open` (strings and comments skipped), or -1. */
function matching(t, open) {
  let depth = 0;
  for (let i = open; i < t.length; i++) {
    const c = t[i];
    if (c === '"' || c === "'" || c === '`') {
      for (i++; i < t.length && t[i] !== c; i++) if (t[i] === '\\') i++;
    } else if (c === '/' && t[i + 1] === '/') {
      while (i < t.length && t[i] !== '\n') i++;
    } else if (c === '/' && t[i + 1] === '*') {
      const end = t.indexOf('*/', i + 2);
      if (end < 0) return -1;
      i = end + 1;
    } else if (c === '(' || c === '[' || c === '{') {
      depth++;
    } else if (c === ')' || c === ']' || c === '}') {
      if (--depth === 0) return c === ')' ? i : -1;
    }
  }
  return -1;
}

function stripComments(t) {
  return t.replace(/^(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/))*/, '');
}

// Import attributes (`with { type: 'json' }`, Node 20's docs) came after this parser (7.22): read as the older
// assertions, which have the same shape.
// `await using x = ...` (explicit resource management, 7.22) likewise: read as a const of the same length.
function attributesAsAssertions(t) {
  t = t.replace(/(^|[;{]\s*)await(\s+)using(?=\s+[\w$]+\s*=)/gm, (m, a, sp) => a + 'const' + ' '.repeat(sp.length + 6));
  return t.replace(/((?:\bfrom|\bimport)\s*(['"])(?:(?!\2)[^\\\n]|\\.)*\2\s*)with(\s*\{)/g, '$1assert$3');
}

// Early errors that documentation makes on purpose: showing alternatives one after the other ("// ESM" then
// "// CommonJS", "// Before" then "// After") declares the same name twice, or exports a default twice ("export
// default a" then "// or" then "export default b": Next.js's docs, round 45, judged NOFIX). Not syntax: a reading
// that has only these passes, and one that has another error too reports that one.
const TOLERATED = new Set(['VarRedeclaration', 'DuplicateExport', 'DuplicateDefaultExport']);

function parses(r, text, plugins) {
  try {
    return {ok: true, ast: r.parse(text, {...OPTIONS, plugins})};
  } catch (e) {
    if (typeof e.pos !== 'number') throw e;
    if (TOLERATED.has(e.reasonCode)) {
      try {
        const ast = r.parse(text, {...OPTIONS, plugins, errorRecovery: true});
        const other = (ast.errors || []).find(x => !TOLERATED.has(x.reasonCode));
        if (other === undefined) return {ok: true, ast};
        if (typeof other.pos === 'number') return {ok: false, pos: other.pos, message: other.message};
      } catch (again) {
        // the recovered parse failed further on: the first error stands
      }
    }
    return {ok: false, pos: e.pos, message: e.message};
  }
}

// A block comment that stands where code must be (`const tracer = /* retrieved elsewhere */`, `extends /** check **/
// ?`) is an elision: when a reading fails right after one, it is read again with the comment as a name `_`.
const COMMENT_BEFORE = /\/\*[\s\S]*?\*\/\s*$/;

/** Parses `text` with `plugins` under every reading: {ok, ast, pre} of the first that parses, or the furthest error. */
function read(text, plugins, excerpts) {
  let best = null;
  for (const r of READINGS) {
    if (r.when && !r.when(text, plugins, excerpts)) continue;
    let t = text;
    for (let tries = 0; tries < 5; tries++) {
      const got = parses(r, t, plugins);
      if (got.ok) return {ok: true, ast: got.ast, pre: r.pre};
      const pos = Math.max(0, Math.min(text.length, got.pos - r.pre));
      const comment = COMMENT_BEFORE.exec(t.slice(0, pos));
      if (tries === 0 && !r.quiet && (best === null || pos > best.pos)) best = {ok: false, pos, message: got.message, reading: r.name};
      if (comment === null) break;
      t = t.slice(0, comment.index) + comment[0].replace(/[^\n]/g, ' ').replace(/^ /, '_') + t.slice(pos);
    }
  }
  return best;
}

function position(text, pos) {
  let line = 1, col = 1;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text[i] === '\n') { line++; col = 1; } else { col++; }
  }
  return [line, col];
}

/** Babel's message in docgate's words: no trailing position, lower case, single quotes. */
function plain(message) {
  let m = message.replace(/\s*\(\d+:\d+\)\s*$/, '').replace(/\.$/, '').replace(/"/g, "'");
  return m.charAt(0).toLowerCase() + m.slice(1);
}

const WHAT = {
  TSTypeAnnotation: 'a type annotation', TSNonNullExpression: 'a non-null assertion (!)',
  TSInterfaceDeclaration: 'an interface', TSTypeAliasDeclaration: 'a type alias', TSAsExpression: "an 'as' cast",
  TSSatisfiesExpression: "'satisfies'", TSEnumDeclaration: 'an enum', TSTypeParameterDeclaration: 'type parameters',
  TSTypeParameterInstantiation: 'type arguments', TSTypeAssertion: 'a type assertion', TSModuleDeclaration: 'a namespace',
  TSDeclareFunction: 'a declared function', TSParameterProperty: 'a parameter property',
  JSXElement: 'a JSX element', JSXFragment: 'a JSX fragment',
};

/** The first node (in source order) that only the other dialect has: TypeScript syntax, or JSX. */
function firstOf(ast, wanted) {
  let found = null;
  const seen = new Set();
  (function walk(n) {
    if (!n || typeof n !== 'object' || seen.has(n)) return;
    seen.add(n);
    if (Array.isArray(n)) { n.forEach(walk); return; }
    if (typeof n.type === 'string' && wanted(n) && (found === null || n.start < found.start)) found = n;
    for (const k of Object.keys(n)) {
      if (k !== 'loc' && k !== 'comments' && k !== 'leadingComments' && k !== 'trailingComments' && k !== 'extra') walk(n[k]);
    }
  })(ast);
  return found;
}

function verdict(text) {
  const source = attributesAsAssertions(text);
  const own = read(source, PLUGINS[dialect], true);
  if (own.ok) return null;
  // Flow is JavaScript with types, and its pages label it js (`import typeof { mod } from 'mod'`, "when using flow":
  // eslint-plugin-import's rule pages, round 47, judged NOFIX 3 times; `import type { A }` and `x: number` are Flow's
  // as much as TypeScript's, judged NOFIX as mislabelled 6 times there and 9 times in round 44): a JavaScript block
  // that parses as Flow is fine; only TypeScript's own syntax (`obj!.x`, `as`, an enum) makes it mislabelled
  if (dialect === 'javascript' && read(source, PLUGINS.flow, false).ok) return null;
  // a block that parses only as the other dialect is mislabelled, not broken
  const other = dialect === 'javascript' ? {plugins: PLUGINS.tsx, as: 'typescript',
    wanted: n => n.type.startsWith('TS')}
    : dialect === 'typescript' ? {plugins: PLUGINS.tsx, as: 'tsx', wanted: n => n.type === 'JSXElement' || n.type === 'JSXFragment'}
      : null;
  if (other !== null) {
    // only whole programs and expressions: a JavaScript excerpt is never read as TypeScript interface members
    const alt = read(source, other.plugins, false);
    const node = alt.ok ? firstOf(alt.ast, other.wanted) : null;
    if (node !== null) { // parses only when read as the other dialect, and shows why
      const at = Math.max(0, Math.min(text.length, node.start - alt.pre));
      const [line, col] = position(text, at);
      const jsx = other.as === 'typescript' && firstOf(alt.ast, n => n.type === 'JSXElement' || n.type === 'JSXFragment');
      return [line, col, WHAT[node.type] || node.type.replace(/^TS/, 'TypeScript '),
        jsx ? 'tsx' : other.as];
    }
  }
  const [line, col] = position(text, own.pos);
  return [line, col, plain(own.message)];
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', d => { input += d; });
process.stdin.on('end', () => {
  const out = [];
  for (const line of input.split('\n')) {
    if (line === '') continue;
    let v;
    try {
      v = verdict(JSON.parse(line));
    } catch (e) {
      v = [1, 1, 'the parser failed: ' + String(e && e.message || e).split('\n')[0], 'failed'];
    }
    out.push(JSON.stringify(v));
  }
  process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
});
