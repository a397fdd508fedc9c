#!/usr/bin/env node
// Starts the Stripe double (src/main.ts) with tsx's loader, so the package runs from its TypeScript sources.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
