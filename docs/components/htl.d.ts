/**
 * htl (a direct dependency; Framework bundles the same 0.3.1) ships no type declarations. `html` parses
 * its template once and inserts each interpolated value as a node: a string becomes text, never markup;
 * an array inserts each item; null inserts nothing. A template with one root element returns that
 * element; `html.fragment` returns a fragment.
 */
declare module "htl" {
  export const html: {
    (strings: TemplateStringsArray, ...values: unknown[]): HTMLElement;
    fragment(strings: TemplateStringsArray, ...values: unknown[]): DocumentFragment;
  };
  export function svg(strings: TemplateStringsArray, ...values: unknown[]): SVGElement;
}
