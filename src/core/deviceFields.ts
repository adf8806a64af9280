// Where a key document's device restrictions are (`deviceIds`, `deviceTags`), found with
// jsonc-parser in the text as typed: what completions offer at the cursor, which IDs get their
// device's name beside them, and the edit that sets `deviceIds` without touching the rest.
import type { Node } from 'jsonc-parser';
import { jsonc } from './validate';

export interface TextRange {
  offset: number;
  length: number;
}

/** What the cursor is on: an element of `deviceIds`, or a `key`/`value` of a `deviceTags` entry. */
export type DeviceSlot =
  | { kind: 'deviceId'; replace?: TextRange; taken: string[] }
  | { kind: 'tagKey'; replace?: TextRange }
  | { kind: 'tagValue'; key?: string; replace?: TextRange };

/** The string the cursor is inside, replaced whole by a completion (its quotes included); one still being typed has no closing quote. */
function stringAt(text: string, node: Node | undefined, offset: number): TextRange | undefined {
  if (node?.type !== 'string' || offset <= node.offset) return undefined;
  const end = node.offset + node.length;
  const closed = node.length >= 2 && text[end - 1] === '"';
  return offset < end || (!closed && offset === end) ? { offset: node.offset, length: node.length } : undefined;
}

function deviceIdNodes(root: Node | undefined): Node[] {
  const list = root && jsonc().findNodeAtLocation(root, ['deviceIds']);
  return list?.type === 'array' ? (list.children ?? []).filter((n) => n.type === 'string') : [];
}

export function deviceSlotAt(text: string, offset: number): DeviceSlot | undefined {
  const location = jsonc().getLocation(text, offset);
  const [field, index, part] = location.path;
  const replace = stringAt(text, location.previousNode, offset);
  if (field === 'deviceIds' && typeof index === 'number' && location.path.length === 2 && !location.isAtPropertyKey) {
    const taken = deviceIdNodes(jsonc().parseTree(text))
      .filter((n) => !replace || n.offset !== replace.offset)
      .map((n) => String(n.value));
    return { kind: 'deviceId', replace, taken };
  }
  if (field !== 'deviceTags' || typeof index !== 'number' || location.path.length !== 3 || location.isAtPropertyKey) return undefined;
  if (part === 'key') return { kind: 'tagKey', replace };
  if (part === 'value') {
    const root = jsonc().parseTree(text);
    const keyNode = root && jsonc().findNodeAtLocation(root, ['deviceTags', index, 'key']);
    return { kind: 'tagValue', key: typeof keyNode?.value === 'string' && keyNode.value ? keyNode.value : undefined, replace };
  }
  return undefined;
}

/** Each device ID in `deviceIds`, with where its string ends (for the device's name beside it). */
export function deviceIdsIn(text: string): { id: string; end: number }[] {
  return deviceIdNodes(jsonc().parseTree(text)).map((n) => ({ id: String(n.value), end: n.offset + n.length }));
}

/** The edits that set `deviceIds` to `ids` (added if missing), everything else left as typed. */
export function deviceIdsEdits(text: string, ids: readonly string[]): { offset: number; length: number; content: string }[] {
  return jsonc().modify(text, ['deviceIds'], [...ids], { formattingOptions: { insertSpaces: true, tabSize: 2 } });
}

/** The text with `deviceIds` set to `ids`. */
export function withDeviceIds(text: string, ids: readonly string[]): string {
  return jsonc().applyEdits(text, deviceIdsEdits(text, ids));
}

/** The IDs in `deviceIds` as typed (strings only). */
export function typedDeviceIds(text: string): string[] {
  return deviceIdsIn(text).map((d) => d.id);
}
