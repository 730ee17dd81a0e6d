import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The Remix compiler replaces `.server` modules with empty modules in the browser bundle, so a value
 * imported from one and used in a component renders on the server but is `undefined` after hydration
 * (a client-side crash no server-side test sees). Values from `.server` modules may be used only in
 * the server-only exports (loader, action, headers) and in top-level functions that only those reach
 * (one function per intent): the compiler drops those from the client chunk with the exports.
 */
const SERVER_ONLY_EXPORTS = new Set(["loader", "action", "headers"]);
const routesDir = path.resolve(__dirname, "../app/routes");

/** The name a top-level statement declares (function, const, class), if one. */
function declaredNames(stmt: ts.Statement): string[] {
  if ((ts.isFunctionDeclaration(stmt) || ts.isClassDeclaration(stmt)) && stmt.name) return [stmt.name.text];
  if (ts.isVariableStatement(stmt))
    return stmt.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []));
  return [];
}

function identifiersIn(node: ts.Node): ts.Identifier[] {
  const out: ts.Identifier[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isIdentifier(n)) {
      const parent = n.parent;
      const isTypePosition = parent && (ts.isTypeQueryNode(parent) || ts.isTypeReferenceNode(parent));
      if (!isTypePosition) out.push(n);
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return out;
}

function violations(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(file, "utf8"),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const serverValues = new Set<string>();
  for (const stmt of source.statements) {
    if (!ts.isImportDeclaration(stmt) || !ts.isStringLiteral(stmt.moduleSpecifier)) continue;
    if (!/\.server$/.test(stmt.moduleSpecifier.text) || stmt.importClause?.isTypeOnly) continue;
    const bindings = stmt.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const el of bindings.elements) if (!el.isTypeOnly) serverValues.add(el.name.text);
    }
    if (stmt.importClause?.name) serverValues.add(stmt.importClause.name.text);
  }
  // What the browser keeps: every top-level statement except the server-only exports, and the
  // declarations those statements reach.
  const declarations = new Map<string, ts.Statement>();
  for (const stmt of source.statements) for (const name of declaredNames(stmt)) declarations.set(name, stmt);
  const kept = new Set<ts.Statement>();
  const keep = (stmt: ts.Statement) => {
    if (kept.has(stmt)) return;
    kept.add(stmt);
    for (const id of identifiersIn(stmt)) {
      const target = declarations.get(id.text);
      if (target && target !== stmt) keep(target);
    }
  };
  for (const stmt of source.statements) {
    if (ts.isImportDeclaration(stmt)) continue;
    const names = declaredNames(stmt);
    const exported =
      ts.canHaveModifiers(stmt) && ts.getModifiers(stmt)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (names.length > 0 && !exported) continue; // kept only if something kept reaches it
    if (names.some((n) => SERVER_ONLY_EXPORTS.has(n))) continue;
    keep(stmt);
  }
  const found: string[] = [];
  for (const stmt of kept)
    for (const id of identifiersIn(stmt))
      if (serverValues.has(id.text)) found.push(`${path.basename(file)}: ${id.text}`);
  return found;
}

/**
 * Flat routes nest by dots: `a.b.$id.tsx` renders inside `a.b.tsx` when that file exists. A parent
 * without an <Outlet /> silently swallows its child on client navigation (the URL changes, the page
 * does not), so every route file that has children must render an Outlet.
 */
function parentsWithoutOutlet(files: string[]): string[] {
  const ids = files.map((f) => f.replace(/\.(tsx|ts)$/, ""));
  const found: string[] = [];
  for (const id of ids) {
    // Resource routes (no component) run alone and never render inside a parent.
    const own = files.find((f) => f.replace(/\.(tsx|ts)$/, "") === id)!;
    if (!/export default function/.test(fs.readFileSync(path.join(routesDir, own), "utf8"))) continue;
    const segments = id.split(".");
    for (let i = segments.length - 1; i > 0; i--) {
      const parent = segments.slice(0, i).join(".");
      if (!ids.includes(parent)) continue;
      const file = files.find((f) => f.replace(/\.(tsx|ts)$/, "") === parent)!;
      const src = fs.readFileSync(path.join(routesDir, file), "utf8");
      const hasComponent = /export default function/.test(src);
      if (hasComponent && !/<Outlet\b/.test(src))
        found.push(`${id} is nested in ${parent}, which has no <Outlet />`);
      break;
    }
  }
  return found;
}

describe("route modules", () => {
  it("nest only inside parents that render an Outlet", () => {
    const files = fs.readdirSync(routesDir).filter((f) => /\.(tsx|ts)$/.test(f) && !f.includes(".test."));
    expect(parentsWithoutOutlet(files)).toEqual([]);
  });

  it("use values from .server modules only in loader, action and headers", () => {
    const files = fs.readdirSync(routesDir).filter((f) => f.endsWith(".tsx") || f.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap((f) => violations(path.join(routesDir, f)))).toEqual([]);
  });
});
