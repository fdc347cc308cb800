import { v7 } from 'uuid';

/** App-generated, time-ordered ids (UUIDv7): the same on both databases, and index-friendly. */
export function newId(): string {
  return v7();
}
