/** The CLI's version, from its package.json (bundled by esbuild). */
import pkg from "../package.json" with { type: "json" };

export const VERSION: string = pkg.version;
