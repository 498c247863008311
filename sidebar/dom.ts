/**
 * The few DOM helpers the wizard page needs. Text always goes in as textContent, so nothing the user or the
 * server sends is ever parsed as HTML.
 */
import type { View } from './form';

export type Attrs = Record<string, string | undefined>;

export const byId = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

/** Builds an element; attributes left undefined are not set. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) if (value !== undefined) node.setAttribute(key, value);
  for (const child of children) node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

/** A view built by the pure form code, as elements. */
export function toNode(view: View): HTMLElement {
  return el(
    view.tag as keyof HTMLElementTagNameMap,
    view.attrs,
    ...view.children.map((child) => (typeof child === 'string' ? child : toNode(child))),
  );
}

/** A definition list of label/value rows, as the review and the key numbers use. */
export function definitionList(rows: { label: string; value: string }[], attrs: Attrs = {}): HTMLDListElement {
  return el('dl', attrs, ...rows.flatMap((row) => [el('dt', {}, row.label), el('dd', {}, row.value)]));
}
