/**
 * htl ships no type declarations. `html` parses its template once and inserts each interpolated value
 * as a node (a string becomes text, never markup; an array inserts each item; null inserts nothing).
 * Components use it with one root element, which it returns; several roots would come back as a fragment.
 */
declare module "htl" {
  export function html(strings: TemplateStringsArray, ...values: unknown[]): HTMLElement;
  export function svg(strings: TemplateStringsArray, ...values: unknown[]): SVGElement;
}
