/**
 * Regenerates src/stripe-schema.json: the request-parameter schemas of the endpoints the double
 * implements, for the API version the pinned `stripe` SDK speaks, read from that SDK's own type declarations
 * (which Stripe generates from its OpenAPI spec and publishes under the MIT licence).
 *
 *   npx tsx scripts/extract-stripe-schema.ts ../../node_modules/stripe > src/stripe-schema.json   (in packages/stripe-double)
 *
 * The argument is the directory of an installed `stripe` package. The output is deterministic for a given
 * package version, so rerunning it after `npm install` and diffing shows exactly what changed.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
import type { Schema } from "../src/stripe-schema";

/** method + path template → the SDK's params interface for that endpoint. Kept in step with src/routes.ts. */
export const OPERATIONS: readonly (readonly [string, string, string])[] = [
  ["POST", "/v1/payment_intents", "PaymentIntentCreateParams"],
  ["GET", "/v1/payment_intents", "PaymentIntentListParams"],
  ["GET", "/v1/payment_intents/search", "PaymentIntentSearchParams"],
  ["GET", "/v1/payment_intents/:id", "PaymentIntentRetrieveParams"],
  ["POST", "/v1/payment_intents/:id", "PaymentIntentUpdateParams"],
  ["POST", "/v1/payment_intents/:id/confirm", "PaymentIntentConfirmParams"],
  ["POST", "/v1/payment_intents/:id/capture", "PaymentIntentCaptureParams"],
  ["POST", "/v1/payment_intents/:id/cancel", "PaymentIntentCancelParams"],
  ["POST", "/v1/payment_methods", "PaymentMethodCreateParams"],
  ["GET", "/v1/payment_methods", "PaymentMethodListParams"],
  ["GET", "/v1/payment_methods/:id", "PaymentMethodRetrieveParams"],
  ["POST", "/v1/payment_methods/:id", "PaymentMethodUpdateParams"],
  ["POST", "/v1/payment_methods/:id/attach", "PaymentMethodAttachParams"],
  ["POST", "/v1/payment_methods/:id/detach", "PaymentMethodDetachParams"],
  ["GET", "/v1/charges", "ChargeListParams"],
  ["GET", "/v1/charges/:id", "ChargeRetrieveParams"],
  ["POST", "/v1/refunds", "RefundCreateParams"],
  ["GET", "/v1/refunds", "RefundListParams"],
  ["GET", "/v1/refunds/:id", "RefundRetrieveParams"],
  ["POST", "/v1/customers", "CustomerCreateParams"],
  ["GET", "/v1/customers", "CustomerListParams"],
  ["GET", "/v1/customers/:id", "CustomerRetrieveParams"],
  ["POST", "/v1/customers/:id", "CustomerUpdateParams"],
  ["DELETE", "/v1/customers/:id", "CustomerDeleteParams"],
  ["GET", "/v1/customers/:id/payment_methods", "CustomerListPaymentMethodsParams"],
  ["POST", "/v1/setup_intents", "SetupIntentCreateParams"],
  ["GET", "/v1/setup_intents/:id", "SetupIntentRetrieveParams"],
  ["POST", "/v1/setup_intents/:id/confirm", "SetupIntentConfirmParams"],
  ["POST", "/v1/setup_intents/:id/cancel", "SetupIntentCancelParams"],
  ["GET", "/v1/events", "EventListParams"],
  ["GET", "/v1/events/:id", "EventRetrieveParams"],
];

function main(): void {
  const packageDir = resolve(process.argv[2] ?? "");
  if (!process.argv[2]) {
    console.error("usage: extract-stripe-schema.ts <directory of the installed stripe package>");
    process.exit(2);
  }
  const pkg = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { version: string };
  const apiVersionSource = readFileSync(join(packageDir, "esm", "apiVersion.js"), "utf8");
  const apiVersion = /'(\d{4}-\d{2}-\d{2})'/.exec(apiVersionSource)?.[1];
  if (!apiVersion) throw new Error("could not read ApiVersion from esm/apiVersion.js");
  const licence = readFileSync(join(packageDir, "LICENSE"), "utf8").trim();

  const program = ts.createProgram([join(packageDir, "types", "index.d.ts")], { strict: false, noEmit: true, types: [] });
  const checker = program.getTypeChecker();
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  for (const file of program.getSourceFiles()) {
    if (!file.fileName.startsWith(join(packageDir, "types"))) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isInterfaceDeclaration(node) && ts.isModuleBlock(node.parent) && node.parent.parent.name.getText() === "Stripe") {
        interfaces.set(node.name.text, node);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }

  const definitions: Record<string, Schema> = {};
  const nameOf = (symbol: ts.Symbol): string => checker.getFullyQualifiedName(symbol).replace(/^.*?\bStripe\./, "");

  function convert(type: ts.Type): Schema {
    if (type.flags & ts.TypeFlags.Boolean) return { type: "boolean" };
    if (type.isUnion()) {
      let emptyable = false;
      const members: ts.Type[] = [];
      for (const member of type.types) {
        if (member.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)) continue;
        if (member.isStringLiteral() && member.value === "") emptyable = true;
        else members.push(member);
      }
      const booleans = members.filter((m) => m.flags & ts.TypeFlags.BooleanLiteral);
      const others = members.filter((m) => !(m.flags & ts.TypeFlags.BooleanLiteral));
      const literals = others.filter((m) => m.isStringLiteral()).map((m) => (m as ts.StringLiteralType).value).sort();
      const parts: Schema[] = literals.length > 0 ? [{ type: "string", enum: literals }] : [];
      parts.push(...others.filter((m) => !m.isStringLiteral()).map(convert));
      if (booleans.length > 0) parts.push({ type: "boolean" });
      const schema: Schema = parts.length === 1 && parts[0] ? parts[0] : { anyOf: parts };
      return emptyable ? { ...schema, emptyable: true } : schema;
    }
    if (type.isStringLiteral()) return { type: "string", enum: [type.value] };
    if (type.flags & ts.TypeFlags.String) return { type: "string" };
    if (type.flags & ts.TypeFlags.Number) return { type: "integer" };
    if (checker.isArrayType(type)) {
      const [item] = checker.getTypeArguments(type as ts.TypeReference);
      if (!item) throw new Error("array without element type");
      return { type: "array", items: convert(item) };
    }
    if (type.flags & ts.TypeFlags.Object) {
      const symbol = type.getSymbol() ?? type.aliasSymbol;
      if (symbol && symbol.name === "MetadataParam") return { type: "metadata" };
      const named = symbol && symbol.flags & ts.SymbolFlags.Interface ? nameOf(symbol) : undefined;
      if (named) {
        if (!(named in definitions)) {
          definitions[named] = { type: "object", properties: {} }; // placeholder: breaks cycles
          definitions[named] = objectSchema(type);
        }
        return { $ref: named };
      }
      return objectSchema(type);
    }
    throw new Error(`unsupported type: ${checker.typeToString(type)}`);
  }

  function objectSchema(type: ts.Type): Schema {
    const properties = checker.getPropertiesOfType(type);
    const index = type.getStringIndexType();
    if (properties.length === 0 && index) return { type: "map", values: convert(index) };
    const out: Record<string, Schema> = {};
    const required: string[] = [];
    for (const property of [...properties].sort((a, b) => a.name.localeCompare(b.name))) {
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      if (!declaration) continue;
      out[property.name] = convert(checker.getTypeOfSymbolAtLocation(property, declaration));
      if (!(property.flags & ts.SymbolFlags.Optional)) required.push(property.name);
    }
    return required.length > 0 ? { type: "object", properties: out, required } : { type: "object", properties: out };
  }

  const operations: Record<string, string> = {};
  for (const [method, path, name] of OPERATIONS) {
    const declaration = interfaces.get(name);
    if (!declaration) throw new Error(`the stripe package declares no ${name}`);
    convert(checker.getTypeAtLocation(declaration));
    operations[`${method} ${path}`] = name;
  }

  const sortedDefinitions = Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => a.localeCompare(b)));
  const header = {
    what: "Request-parameter schemas of the Stripe API endpoints the Stripe double implements (a trimmed extract).",
    source: `npm package stripe@${pkg.version}, types/*.d.ts (generated by Stripe from its OpenAPI spec), API version ${apiVersion}`,
    regenerate: "npx tsx scripts/extract-stripe-schema.ts ../../node_modules/stripe > src/stripe-schema.json   (in packages/stripe-double)",
    licence,
  };
  // One definition per line keeps diffs between SDK versions readable.
  const lines = [
    "{",
    `"_header": ${JSON.stringify(header)},`,
    `"apiVersion": ${JSON.stringify(apiVersion)},`,
    `"operations": ${JSON.stringify(operations)},`,
    `"definitions": {`,
    Object.entries(sortedDefinitions)
      .map(([name, schema]) => `${JSON.stringify(name)}: ${JSON.stringify(schema)}`)
      .join(",\n"),
    "}",
    "}",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

main();
