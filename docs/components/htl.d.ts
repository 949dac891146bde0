/**
 * htl (a direct dependency; Framework bundles the same 0.3.1) ships no type declarations. A template
 * with one root element returns that element, `html.fragment` a fragment; interpolated values are set
 * as text, never as markup.
 */
declare module "htl" {
  export const html: {
    (strings: TemplateStringsArray, ...values: unknown[]): HTMLElement;
    fragment(strings: TemplateStringsArray, ...values: unknown[]): DocumentFragment;
  };
}
