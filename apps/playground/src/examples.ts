/**
 * The corpus examples, bundled as text by Vite (`?raw`), for the menu.
 */

export interface Example {
  readonly name: string;
  readonly source: string;
}

const files = import.meta.glob<string>("../../../examples/*.hvmc", { query: "?raw", import: "default", eager: true });

/** A program shown when the page opens without a share link. */
export const DEFAULT_EXAMPLE = "mul";

const BUILT_IN: Example = {
  name: DEFAULT_EXAMPLE,
  source: "// 123 * 321, as in DESIGN §4\n@main = r\n  & #3 ~ <#123 <#321 r>>\n",
};

/** Examples sorted by name; the built-in one comes first. */
export const EXAMPLES: readonly Example[] = [
  BUILT_IN,
  ...Object.entries(files)
    .map(([path, source]) => ({ name: path.replace(/^.*\//, "").replace(/\.hvmc$/, ""), source }))
    .filter((e) => e.name !== DEFAULT_EXAMPLE)
    .sort((a, b) => a.name.localeCompare(b.name)),
];
