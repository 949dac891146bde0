/**
 * htl ships no type declarations. Components use its `html` tagged template; a template with one root
 * element yields that element (several roots yield a DocumentFragment, which components avoid).
 */
declare module "htl" {
  export function html(strings: TemplateStringsArray, ...values: unknown[]): HTMLElement;
}
