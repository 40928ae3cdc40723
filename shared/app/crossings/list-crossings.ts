import type { z } from 'zod';
import { CoreFailure, type CrossingPage, type ListCrossingsInputSchema } from '../../contract';
import { ExportsRepo, type StationStore } from '../../node/db';

export function listCrossings(input: z.output<typeof ListCrossingsInputSchema>, store: StationStore): CrossingPage {
  const fromMs = input.from === undefined ? undefined : Date.parse(input.from);
  const toMs = input.to === undefined ? undefined : Date.parse(input.to);
  if (fromMs !== undefined && toMs !== undefined && fromMs > toMs) {
    throw new CoreFailure('invalid-input', 'crossing.fromAfterTo');
  }
  const page = store.listCrossings({
    limit: input.limit,
    ...(fromMs === undefined ? {} : { fromMs }),
    ...(toMs === undefined ? {} : { toMs }),
    ...(input.documentNumber === undefined ? {} : { documentNumber: input.documentNumber }),
    ...(input.beforeSequence === undefined ? {} : { beforeSequence: input.beforeSequence }),
  });
  // Export: each row says whether the central system has it yet ("saved, not yet sent").
  const delivery = new ExportsRepo(store.database).deliveryOf(page.items.map((c) => c.id));
  return { ...page, items: page.items.map((c) => ({ ...c, delivery: delivery.get(c.id) ?? 'saved' })) };
}
