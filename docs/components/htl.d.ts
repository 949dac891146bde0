/**
 * htl ships no type declarations. Components build DOM with its `html` template: a template with one
 * top-level element returns that element (several are wrapped in a span, text alone gives a text node,
 * an empty template gives null); interpolated strings are set as text, never parsed as markup.
 */
declare module "htl" {
  type Template = (strings: TemplateStringsArray, ...values: unknown[]) => HTMLElement;
  export const html: Template & {fragment: (strings: TemplateStringsArray, ...values: unknown[]) => DocumentFragment};
  export const svg: ((strings: TemplateStringsArray, ...values: unknown[]) => SVGElement) & {fragment: (strings: TemplateStringsArray, ...values: unknown[]) => DocumentFragment};
}
