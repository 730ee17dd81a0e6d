/**
 * A small validator for the JSON Schema the OpenAPI document carries (type, enum, const, properties,
 * required, additionalProperties, propertyNames, items, anyOf/oneOf/allOf, $ref into components): enough
 * to prove a live answer has the documented shape, with the path of the first mismatch.
 */
type Schema = Record<string, unknown>;

export function validateJson(value: unknown, schema: Schema, root: Schema, path = "$"): string[] {
  if (typeof schema.$ref === "string") {
    const name = schema.$ref.replace("#/components/schemas/", "");
    const target = (root.components as { schemas: Record<string, Schema> }).schemas[name];
    if (!target) return [`${path}: unresolved ${schema.$ref}`];
    return validateJson(value, target, root, path);
  }
  const errors: string[] = [];
  if (schema.anyOf || schema.oneOf) {
    const options = (schema.anyOf ?? schema.oneOf) as Schema[];
    if (!options.some((o) => validateJson(value, o, root, path).length === 0)) {
      errors.push(`${path}: matches none of ${options.length} alternatives`);
    }
  }
  for (const s of (schema.allOf as Schema[] | undefined) ?? [])
    errors.push(...validateJson(value, s, root, path));
  if (schema.const !== undefined && value !== schema.const)
    errors.push(`${path}: expected ${String(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) {
    errors.push(`${path}: ${JSON.stringify(value)} not in enum`);
  }
  if (schema.type !== undefined) {
    const types = [schema.type].flat() as string[];
    const actual =
      value === null
        ? "null"
        : Array.isArray(value)
          ? "array"
          : typeof value === "number"
            ? Number.isInteger(value)
              ? "integer"
              : "number"
            : typeof value;
    const ok = types.some((t) => t === actual || (t === "number" && actual === "integer"));
    if (!ok) return [...errors, `${path}: expected ${types.join("|")}, got ${actual}`];
  }
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties as Record<string, Schema> | undefined) ?? {};
    for (const r of (schema.required as string[] | undefined) ?? []) {
      if (!(r in obj)) errors.push(`${path}.${r}: required but missing`);
    }
    for (const [k, v] of Object.entries(obj)) {
      if (props[k]) errors.push(...validateJson(v, props[k], root, `${path}.${k}`));
      else if (schema.additionalProperties === false) errors.push(`${path}.${k}: not documented`);
      else if (schema.additionalProperties && typeof schema.additionalProperties === "object") {
        errors.push(...validateJson(v, schema.additionalProperties as Schema, root, `${path}.${k}`));
      }
      if (schema.propertyNames)
        errors.push(...validateJson(k, schema.propertyNames as Schema, root, `${path}{${k}}`));
    }
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((v, i) => errors.push(...validateJson(v, schema.items as Schema, root, `${path}[${i}]`)));
  }
  return errors;
}
