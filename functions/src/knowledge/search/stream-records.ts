/**
 * DynamoDB Streams records as the search indexer reads them. In AWS they come from the table's
 * stream; locally the use case makes one from the item it just wrote (`recordOf`), so both paths
 * run the very same handler. Images use DynamoDB's typed JSON (`{ "S": "…" }`, `{ "N": "1" }`, …);
 * the two small converters below cover the types our items use.
 */
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';

export type ChangeRecord = Pick<DynamoDBRecord, 'eventName'> & { dynamodb?: Pick<NonNullable<DynamoDBRecord['dynamodb']>, 'NewImage' | 'OldImage'> };
export type Image = Record<string, AttributeValue>;

export function fromImage(image: Image): Record<string, unknown> {
  return Object.fromEntries(Object.entries(image).map(([k, v]) => [k, fromValue(v)]));
}

function fromValue(v: AttributeValue): unknown {
  if (v.S !== undefined) return v.S;
  if (v.N !== undefined) return Number(v.N);
  if (v.BOOL !== undefined) return v.BOOL;
  if (v.NULL) return null;
  if (v.M !== undefined) return fromImage(v.M);
  if (v.L !== undefined) return v.L.map(fromValue);
  if (v.SS !== undefined) return new Set(v.SS);
  if (v.NS !== undefined) return new Set(v.NS.map(Number));
  return undefined; // binary attributes: none of ours
}

export function toImage(item: Record<string, unknown>): Image {
  const image: Image = {};
  for (const [k, v] of Object.entries(item)) if (v !== undefined) image[k] = toValue(v);
  return image;
}

function toValue(v: unknown): AttributeValue {
  if (typeof v === 'string') return { S: v };
  if (typeof v === 'number') return { N: String(v) };
  if (typeof v === 'boolean') return { BOOL: v };
  if (v === null) return { NULL: true };
  if (Array.isArray(v)) return { L: v.map(toValue) };
  if (v instanceof Set) return [...v].every((x) => typeof x === 'number') ? { NS: [...v].map(String) } : { SS: [...v].map(String) };
  if (typeof v === 'object') return { M: toImage(v as Record<string, unknown>) };
  throw new Error(`Cannot express ${typeof v} as a DynamoDB attribute`);
}

/** The record the stream would deliver for an item just written (new image only). */
export function recordOf(item: Record<string, unknown>): ChangeRecord {
  return { eventName: 'MODIFY', dynamodb: { NewImage: toImage(item) } };
}
