/**
 * Framework's standard library, as a component imports it. Only FileAttachment is used: called with a
 * literal path relative to the component, it registers the file at build time (as in a page).
 */
declare module "observablehq:stdlib" {
  export interface FileAttachmentHandle {
    readonly name: string;
    readonly href: string;
    json(): Promise<unknown>;
    arrayBuffer(): Promise<ArrayBuffer>;
  }
  export function FileAttachment(name: string): FileAttachmentHandle;
}
