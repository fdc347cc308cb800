import { z } from 'zod';
import { ZCustomer } from './customers';
import { zId, zVersion } from './validation';

/**
 * POST /customers/{id}/merge: merges the customer `sourceId` INTO `{id}` (send the target's `version`). The target
 * keeps its values and gains the source's contacts, tags, attachments and timeline, and the source's values for
 * fields it lacks; the source goes to the recycle bin.
 */
export const ZMergeCustomersRequest = z.object({ sourceId: zId, version: zVersion });
export type TMergeCustomersRequest = z.infer<typeof ZMergeCustomersRequest>;

export const ZMergeCustomersResult = z.object({
  customer: ZCustomer,
  /** Fields of the target that were empty and now hold the source's value (`address`, `custom.budget`, …). */
  filledFields: z.array(z.string()),
  movedContacts: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Tags the target did not have before. */
  addedTags: z.array(z.string()),
  movedAttachments: z.number().int(),
  movedTimelineEvents: z.number().int(),
});
export type TMergeCustomersResult = z.infer<typeof ZMergeCustomersResult>;
