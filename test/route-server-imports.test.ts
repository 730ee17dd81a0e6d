import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The Remix compiler replaces `.server` modules with empty modules in the browser bundle, so a value
 * imported from one and used in a component renders on the server but is `undefined` after hydration
 * (a client-side crash no server-side test sees). Values from `.server` modules may be used only inside
 * the server-only exports: loader, action, headers.
 */
const SERVER_ONLY_EXPORTS = new Set(["loader", "action", "headers"]);
const routesDir = path.resolve(__dirname, "../app/routes");

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
  const found: string[] = [];
  const visit = (node: ts.Node, inServerExport: boolean) => {
    if (ts.isImportDeclaration(node)) return;
    let server = inServerExport;
    if (ts.isFunctionDeclaration(node) && node.name && SERVER_ONLY_EXPORTS.has(node.name.text)) server = true;
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      SERVER_ONLY_EXPORTS.has(node.name.text)
    )
      server = true;
    if (!server && ts.isIdentifier(node) && serverValues.has(node.text)) {
      const parent = node.parent;
      const isTypePosition = parent && (ts.isTypeQueryNode(parent) || ts.isTypeReferenceNode(parent));
      if (!isTypePosition) found.push(`${path.basename(file)}: ${node.text}`);
    }
    ts.forEachChild(node, (child) => visit(child, server));
  };
  visit(source, false);
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
